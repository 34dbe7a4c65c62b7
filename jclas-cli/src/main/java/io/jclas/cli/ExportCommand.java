package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.train.ConfigValidator;
import io.jclas.onnx.Exporter;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            "`jclas predict --model DIR` and `jclas serve --model DIR` run it with ONNX Runtime."})
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

    @Override
    public Integer call() {
        Config settings = config.settings(ConfigValidator.Use.PREDICT);
        Path checkpoint = model != null ? model : Path.of(settings.getString("Global.pretrained_model", ""));
        if (model == null && checkpoint.toString().isEmpty()) {
            throw new JclasException("no checkpoint given",
                    "pass --model DIR, e.g. --model output/ShuffleNetV2_x1_0/best_model");
        }
        Path dir = out != null ? out : Path.of(settings.getString("Global.save_inference_dir", "./inference"));
        Exporter.exportCheckpoint(checkpoint, dir);
        PrintWriter w = spec.commandLine().getOut();
        w.println("exported " + checkpoint + " to " + dir + " (model.onnx, inference.yml, labels.txt)");
        w.println("next: jclas predict --model " + dir + " IMAGE");
        return 0;
    }
}
