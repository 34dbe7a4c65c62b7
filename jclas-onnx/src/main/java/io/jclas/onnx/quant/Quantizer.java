package io.jclas.onnx.quant;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.jclas.JclasException;
import io.jclas.onnx.Exporter;
import io.jclas.onnx.OnnxExporter;
import io.jclas.model.Checkpoints;
import io.jclas.model.LoadedModel;
import io.jclas.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-training static quantization of a jclas network to a QDQ ONNX graph:
 *
 * <ol>
 *   <li>export the fp32 graph ({@link OnnxExporter}, BatchNorm folded);
 *   <li>widen depthwise convolutions to a multiple of 16 channels, exactly ({@link DepthwisePadding});
 *   <li>plan which tensors get QuantizeLinear/DequantizeLinear ({@link QdqPlan});
 *   <li>calibrate their ranges on the calibration images ({@link Calibrator});
 *   <li>rewrite the graph: uint8 activations, int8 per-channel weights, int32 biases ({@link QdqRewriter});
 *   <li>compare fp32 and int8 Top-1 on the holdout images in ONNX Runtime.
 * </ol>
 *
 * <pre>{@code
 * CalibrationData data = CalibrationData.split(evalLoader, 256, 1000);
 * QuantizationResult r = Quantizer.quantize(Path.of("output/ResNet18_vd/best_model"), data, QuantizeOptions.defaults());
 * r.report().drop();                        // fp32 - int8 Top-1 in points
 * Quantizer.export(checkpoint, data, options, Path.of("inference_int8"));   // fails past options.maxDrop()
 * }</pre>
 */
public final class Quantizer {
    /** The report file written next to model.onnx. */
    public static final String REPORT = "quantization.json";

    private Quantizer() {}

    /** The quantized graph and its report; writes nothing. */
    public record QuantizationResult(ModelProto model, QuantizationReport report) {}

    /** Quantizes a checkpoint directory written by training. */
    public static QuantizationResult quantize(Path checkpoint, CalibrationData data, QuantizeOptions options) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel m = Checkpoints.loadNetwork(checkpoint, manager);
            return quantize(fp32(m, data), data, options);
        }
    }

    /**
     * Quantizes a checkpoint and writes the inference directory (model.onnx as QDQ, inference.yml,
     * labels.txt, quantization.json). When the Top-1 drop exceeds {@code options.maxDrop()} and
     * {@code options.force()} is off, it throws and writes nothing.
     */
    public static QuantizationResult export(Path checkpoint, CalibrationData data, QuantizeOptions options,
            Path outDir) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel m = Checkpoints.loadNetwork(checkpoint, manager);
            QuantizationResult r = quantize(fp32(m, data), data, options);
            QuantizationReport report = r.report();
            if (report.drop() > options.maxDrop() && !options.force()) {
                throw new JclasException(String.format(Locale.ROOT,
                        "int8 Top-1 %.2f%% is %.2f points below fp32 %.2f%% on %d holdout images (max %.2f); nothing written",
                        100 * report.top1Int8(), report.drop(), 100 * report.top1Fp32(), report.holdoutImages(),
                        options.maxDrop()), "try --method percentile or entropy, more --calibration-images, "
                                + "--exclude for the nodes that lose most, or --force to write it anyway");
            }
            Exporter.write(r.model(), m.config().getString("Arch.name"), m.preprocess(), m.labels(), outDir);
            AtomicFiles.writeString(outDir.resolve(REPORT), report.toJson());
            return r;
        }
    }

    /** Quantizes an fp32 graph written by {@link OnnxExporter}. */
    public static QuantizationResult quantize(ModelProto fp32, CalibrationData data, QuantizeOptions options) {
        DepthwisePadding.Result widened = DepthwisePadding.pad(fp32);
        ModelProto graph = widened.model();
        QdqPlan plan = new QdqPlan(graph.getGraph(), options.exclude());
        List<String> unknown = new ArrayList<>(options.exclude());
        fp32.getGraph().getNodeList().forEach(n -> unknown.remove(n.getName()));
        if (!unknown.isEmpty()) {
            throw new JclasException("no node named " + String.join(", ", unknown) + " in the model",
                    "name nodes as model.onnx does (e.g. from `jclas export` and an ONNX viewer), like stages.0.0/conv");
        }
        var ranges = Calibrator.ranges(graph, plan.calibrated, data.calibration(), options.method());
        QdqRewriter rewriter = new QdqRewriter(plan, ranges, options.perChannel(), options.reduceRange());
        ModelProto int8 = rewriter.rewrite(graph);
        int[] labels = HoldoutCheck.labels(data.holdout());
        int[] fp32Top1 = HoldoutCheck.top1(fp32, data.holdout());
        int[] int8Top1 = HoldoutCheck.top1(int8, data.holdout());
        QuantizationReport report = new QuantizationReport(options.method().label(), data.calibrationImages(),
                data.holdoutImages(), options.perChannel(), options.reduceRange(), List.copyOf(options.exclude()),
                plan.floatNodes, plan.floatStems, plan.floatOps, plan.integerForms, widened.padded(),
                rewriter.activations, HoldoutCheck.agreement(fp32Top1, labels),
                HoldoutCheck.agreement(int8Top1, labels), HoldoutCheck.agreement(int8Top1, fp32Top1));
        return new QuantizationResult(int8, report);
    }

    private static ModelProto fp32(LoadedModel m, CalibrationData data) {
        data.check(m.preprocess().channels(), m.preprocess().inputSize());
        return OnnxExporter.toModel(m.net(), m.preprocess().channels(), m.preprocess().inputSize());
    }
}
