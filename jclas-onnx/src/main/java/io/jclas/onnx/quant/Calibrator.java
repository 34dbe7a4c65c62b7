package io.jclas.onnx.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.jclas.data.Batch;
import java.nio.FloatBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the range of every tensor that becomes a QuantizeLinear input by running the fp32 ONNX
 * graph in ONNX Runtime, with those tensors added as graph outputs. Calibrating the exported graph
 * itself (rather than the DJL network) measures exactly the tensors the QDQ graph quantizes, after
 * BatchNorm folding, under the names the rewriter uses.
 */
final class Calibrator {
    private Calibrator() {}

    /**
     * The calibrated [min, max] of each tensor over the images of {@code batches}. The graph input
     * keeps its min-max range whatever the method: normalised pixels are bounded, and the background
     * of images like Fashion-MNIST's sits at the end of that range, where percentile or entropy would
     * clip it and shift every background pixel.
     */
    static Map<String, float[]> ranges(ModelProto fp32, Set<String> tensors, List<Batch> batches,
            CalibrationMethod method) {
        Map<String, RangeStats> stats = new LinkedHashMap<>();
        tensors.forEach(t -> stats.put(t, new RangeStats()));
        try (OrtSession session = session(withOutputs(fp32, tensors))) {
            run(session, batches, stats, false);
            if (method != CalibrationMethod.MINMAX) {
                run(session, batches, stats, true);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed during calibration: " + e.getMessage(), e);
        }
        Map<String, float[]> ranges = new LinkedHashMap<>();
        String input = fp32.getGraph().getInput(0).getName();
        stats.forEach((t, s) -> ranges.put(t, s.range(t.equals(input) ? CalibrationMethod.MINMAX : method)));
        return ranges;
    }

    private static void run(OrtSession session, List<Batch> batches, Map<String, RangeStats> stats,
            boolean histogram) throws OrtException {
        String input = session.getInputNames().iterator().next();
        Set<String> fetched = new HashSet<>(stats.keySet());
        fetched.remove(input);
        for (Batch b : batches) {
            RangeStats image = stats.get(input);
            if (image != null) {
                add(image, b.images(), histogram);
            }
            long[] shape = {b.n(), b.c(), b.h(), b.w()};
            try (OnnxTensor x = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(b.images()),
                    shape); OrtSession.Result result = session.run(Map.of(input, x), fetched)) {
                for (Map.Entry<String, OnnxValue> e : result) {
                    FloatBuffer values = ((OnnxTensor) e.getValue()).getFloatBuffer();
                    float[] copy = new float[values.remaining()];
                    values.get(copy);
                    add(stats.get(e.getKey()), copy, histogram);
                }
            }
        }
    }

    private static void add(RangeStats stats, float[] values, boolean histogram) {
        if (histogram) {
            stats.addHistogram(values);
        } else {
            stats.addMinMax(values);
        }
    }

    /** The model with every calibrated tensor also a graph output (float, shape left to ORT). */
    private static ModelProto withOutputs(ModelProto model, Set<String> tensors) {
        ModelProto.Builder m = model.toBuilder();
        Set<String> present = new HashSet<>();
        m.getGraph().getOutputList().forEach(o -> present.add(o.getName()));
        m.getGraph().getInputList().forEach(i -> present.add(i.getName()));
        TypeProto floatType = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))
                .build();
        for (String t : tensors) {
            if (!present.contains(t)) {
                m.getGraphBuilder().addOutput(ValueInfoProto.newBuilder().setName(t).setType(floatType));
            }
        }
        return m.build();
    }

    private static OrtSession session(ModelProto model) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            // no fusion: every calibrated tensor is computed as the fp32 graph names it
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            opts.setIntraOpNumThreads(1);
            return OrtEnvironment.getEnvironment().createSession(model.toByteArray(), opts);
        }
    }
}
