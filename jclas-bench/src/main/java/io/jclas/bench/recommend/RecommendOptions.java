package io.jclas.bench.recommend;

import io.jclas.JclasException;
import io.jclas.analysis.Precision;
import io.jclas.zoo.Family;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a recommendation measures and chooses within.
 *
 * @param models zoo names, in measurement order ({@link #resolve} turns families and "all" into names)
 * @param budget the latency and/or memory limit
 * @param batch images per forward
 * @param threads ONNX Runtime intra-op threads
 * @param inputSize square input side; 64 or less builds the small-input variants, as the benchmark does
 * @param precisions number formats to measure each model in
 * @param accuracy where Top-1 comes from
 * @param protocol warm-up, repeats and iterations of each latency measurement
 * @param plot where the Pareto plot (PNG) goes
 */
public record RecommendOptions(List<String> models, Budget budget, int batch, int threads, int inputSize,
        List<Precision> precisions, AccuracySource accuracy, RepeatedMedians protocol, Path plot) {

    public RecommendOptions {
        models = List.copyOf(models);
        precisions = List.copyOf(precisions);
        if (models.isEmpty()) {
            throw new JclasException("no models to choose from", "use --models all, a family or zoo names");
        }
        if (batch < 1 || threads < 1) {
            throw new JclasException("batch and threads must be at least 1, got " + batch + " and " + threads,
                    "use e.g. --batch 1 --threads 1");
        }
        if (inputSize < 8) {
            throw new JclasException("input size " + inputSize + " is too small", "use --input-size 224 (or 32 to 64)");
        }
        if (precisions.isEmpty()) {
            throw new JclasException("no precision to measure", "use --precision fp32");
        }
    }

    /** Every architecture is built for this input; 64 px or less takes the small-input variants. */
    public boolean smallInput() {
        return inputSize <= 64;
    }

    /**
     * Zoo names of a {@code --models} list: "all", family titles ("ShuffleNetV2") and model names,
     * in the order given, each once. A token that names a model and a family (MobileNetV1,
     * MobileNetV2, AlexNet) is the model; the family's enum name (mobilenet_v2) gives the family.
     */
    public static List<String> resolve(List<String> tokens) {
        Set<String> names = new LinkedHashSet<>();
        for (String token : tokens) {
            String t = token.strip();
            if (t.equalsIgnoreCase("all")) {
                Models.list().forEach(i -> names.add(i.name()));
            } else if (Models.contains(t)) {
                names.add(t); // a model before a family of the same title: MobileNetV2 is one model
            } else if (Family.find(t).isPresent()) {
                Family f = Family.find(t).get();
                Models.list().stream().filter(i -> i.family() == f).forEach(i -> names.add(i.name()));
            } else {
                throw new JclasException("unknown model or family '" + t + "'",
                        "did you mean " + String.join(", ", Models.closest(t, 3)) + "? Families: "
                                + Arrays.stream(Family.values()).map(Family::title).collect(Collectors.joining(", ")));
            }
        }
        return List.copyOf(names);
    }

    /** Precisions of a {@code --precision} list: fp32, int8. */
    public static List<Precision> precisions(List<String> ids) {
        return ids.stream().map(id -> Arrays.stream(Precision.values())
                .filter(p -> p.id().equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new JclasException("unknown precision '" + id + "'", "use fp32, int8 or fp32,int8")))
                .distinct().toList();
    }

    /** The requested models whose published figures are for another input size than the measured one. */
    public long publishedAtOtherSizes() {
        return models.stream().map(Models::info).mapToInt(ModelInfo::inputSize).filter(s -> s != inputSize).count();
    }
}
