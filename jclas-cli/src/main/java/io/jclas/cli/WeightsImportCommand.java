package io.jclas.cli;

import io.jclas.config.Config;
import io.jclas.model.Checkpoints;
import io.jclas.model.Weights;
import io.jclas.pretrained.ImportReport;
import io.jclas.pretrained.PretrainedWeights;
import io.jclas.zoo.Models;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import io.jclas.recipe.ConfigValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jclas weights import}: a foreign weight file to a jclas checkpoint. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a PaddleClas .pdparams or a PyTorch state dict (.pth/.pt) into a jclas checkpoint.",
            "Writes model.npz, config.yaml (the zoo's eval preprocessing) and labels.txt (the 1000 ImageNet",
            "classes) and prints what was mapped; `jclas predict/eval/export --model DIR` and",
            "-o Global.pretrained_model=DIR open it. The format is read from the file's bytes."})
final class WeightsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The weight file, or a directory holding one.")
    Path file;

    @Option(names = "--arch", paramLabel = "NAME", required = true,
            description = "The zoo model the file holds (e.g. ResNet50, ResNet50_vd_ssld; `jclas models` lists them).")
    String arch;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Checkpoint directory to write (default: output/<NAME>/pretrained).")
    Path out;

    /** -c/-o: the checkpoint's config (e.g. -o Global.image_shape=[3,256,256], -o Arch.pretrained_strict=false). */
    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        Path dir = out != null ? out : Path.of("output", arch, "pretrained");
        Config settings = config.settings(ConfigValidator.Use.PREDICT).set("Arch.name", arch);
        if (!settings.has("Global.image_shape")) {
            int size = Models.info(arch).inputSize();
            settings.set("Global.image_shape", List.of(3, size, size));
        }
        ImportReport report = PretrainedWeights.writeCheckpoint(file, settings, dir);
        PrintWriter w = spec.commandLine().getOut();
        report.lines().forEach(w::println);
        w.println("wrote " + dir + " (" + String.join(", ", Weights.FILE_NAME, Checkpoints.CONFIG,
                Checkpoints.LABELS) + ")");
        w.println("next: jclas predict --model " + dir + " IMAGE");
        return 0;
    }
}
