package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.infer.Classifier;
import io.jclas.infer.ImageDecoding;
import io.jclas.infer.Prediction;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Config settings = config.settings();
        List<Path> files = ImageInputs.resolve(inputs(settings));
        int k = topk != null ? topk : settings.getInt("Infer.PostProcess.topk", 5);
        int batch = Math.max(1, settings.getInt("Infer.batch_size", 16));
        List<List<Prediction>> results = new ArrayList<>();
        try (Classifier classifier = model.open(settings, runtime)) {
            for (int from = 0; from < files.size(); from += batch) {
                List<BufferedImage> chunk = new ArrayList<>();
                for (Path f : files.subList(from, Math.min(files.size(), from + batch))) {
                    chunk.add(ImageDecoding.read(f));
                }
                results.addAll(classifier.predictBatch(chunk, k));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(asMaps(files, results)));
        } else {
            for (int i = 0; i < files.size(); i++) {
                StringBuilder line = new StringBuilder(files.get(i).toString()).append(':');
                for (Prediction p : results.get(i)) {
                    line.append(String.format(Locale.ROOT, "  %s %.4f", p.label(), p.score()));
                }
                out.println(line);
            }
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

    private static List<Map<String, Object>> asMaps(List<Path> files, List<List<Prediction>> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<Map<String, Object>> top = new ArrayList<>();
            for (Prediction p : results.get(i)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("class_id", p.classId());
                m.put("label", p.label());
                m.put("score", p.score());
                top.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", files.get(i).toString());
            m.put("topk", top);
            list.add(m);
        }
        return list;
    }
}
