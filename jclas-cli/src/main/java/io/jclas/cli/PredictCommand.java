package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.ImageFiles;
import io.jclas.recipe.ConfigValidator;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jclas predict}: top-k classes of images with an inference directory or a checkpoint. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images: top-k classes with names and scores.",
            "Runs an inference directory (ONNX Runtime) or a checkpoint (PyTorch).",
            "Images: -o Infer.infer_imgs=PATH (an image, a folder, or a list file with one path per line)",
            "and/or IMAGE arguments."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    ModelDirOptions model;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--topk", paramLabel = "K", description = "Classes per image (default: Infer.PostProcess.topk, else 5).")
    Integer topk;

    @Option(names = "--json", description = "Print JSON instead of one line per image.")
    boolean json;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images, folders or list files.")
    List<Path> images = new ArrayList<>();

    @Override
    public Integer call() {
        Config settings = config.settings(ConfigValidator.Use.PREDICT);
        List<Path> files = ImageFiles.resolve(inputs(settings));
        int k = topk != null ? topk : settings.getInt("Infer.PostProcess.topk", 5);
        int batch = Math.max(1, settings.getInt("Infer.batch_size", 16));
        List<List<Prediction>> results;
        try (Classifier classifier = model.open(settings, runtime)) {
            results = Predictions.run(classifier, files, k, batch);
        }
        if (json) {
            spec.commandLine().getOut().println(Predictions.json(files, results));
        } else {
            Predictions.print(files, results, spec.commandLine().getOut());
        }
        return 0;
    }

    private List<Path> inputs(Config settings) {
        List<Path> in = new ArrayList<>(images);
        String configured = settings.getString("Infer.infer_imgs", null);
        if (configured != null && !configured.isBlank() && images.isEmpty()) {
            in.add(Path.of(configured));
        }
        if (in.isEmpty()) {
            throw new JclasException("no images given",
                    "pass -o Infer.infer_imgs=PATH (an image, a folder or a list file) or image paths as arguments");
        }
        return in;
    }
}
