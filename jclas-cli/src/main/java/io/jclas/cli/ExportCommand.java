package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.model.Checkpoints;
import io.jclas.onnx.Exporter;
import io.jclas.onnx.quant.CalibrationData;
import io.jclas.onnx.quant.QuantizationReport;
import io.jclas.onnx.quant.Quantizer;
import io.jclas.recipe.ConfigValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas export}: a checkpoint to an ONNX inference directory. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a checkpoint to an ONNX inference directory.",
            "Writes model.onnx (BatchNorm folded, dynamic batch), inference.yml (preprocessing) and labels.txt;",
            "`jclas predict --model DIR` and `jclas serve --model DIR` run it with ONNX Runtime.",
            "--quantize int8 writes a QDQ int8 model calibrated on --calibration images, plus quantization.json,",
            "and fails when int8 Top-1 drops more than --max-drop points below fp32 (docs/deploy.md)."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Checkpoint directory, e.g. output/<Arch>/best_model (or -o Global.pretrained_model=DIR).")
    Path model;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Inference directory to write (default: Global.save_inference_dir, else ./inference).")
    Path out;

    @Mixin
    QuantizeArgs quantize;

    @Override
    public Integer call() {
        Config settings = config.settings(ConfigValidator.Use.PREDICT);
        Path checkpoint = model != null ? model : Path.of(settings.getString("Global.pretrained_model", ""));
        if (model == null && checkpoint.toString().isEmpty()) {
            throw new JclasException("no checkpoint given",
                    "pass --model DIR, e.g. --model output/ShuffleNetV2_x1_0/best_model");
        }
        Path dir = out != null ? out : Path.of(settings.getString("Global.save_inference_dir", "./inference"));
        PrintWriter w = spec.commandLine().getOut();
        if (quantize.requested()) {
            exportInt8(checkpoint, dir, settings, w);
        } else {
            Exporter.exportCheckpoint(checkpoint, dir);
            w.println("exported " + checkpoint + " to " + dir + " (model.onnx, inference.yml, labels.txt)");
        }
        w.println("next: jclas predict --model " + dir + " IMAGE");
        return 0;
    }

    private void exportInt8(Path checkpoint, Path dir, Config settings, PrintWriter w) {
        Config data = config.config != null ? settings
                : Config.load(checkpoint.resolve(Checkpoints.CONFIG), config.overrides);
        CalibrationData images = quantize.data(data);
        QuantizationReport r = Quantizer.export(checkpoint, images, quantize.options(), dir).report();
        w.printf(Locale.ROOT, "Top-1 on %d holdout images: fp32 %.2f%%, int8 %.2f%% (drop %.2f points, "
                + "top-1 agreement %.2f%%)%n", r.holdoutImages(), 100 * r.top1Fp32(), 100 * r.top1Int8(), r.drop(),
                100 * r.agreement());
        w.println("exported " + checkpoint + " as int8 (" + r.method() + " calibration on " + r.calibrationImages()
                + " images) to " + dir + " (model.onnx, inference.yml, labels.txt, " + Quantizer.REPORT + ")");
    }
}
