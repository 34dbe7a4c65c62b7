package io.jclas.cli;

import io.jclas.bench.DecodeBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jclas benchmark decode}: jclas's decoding and preprocessing of a 500x375 JPEG against OpenCV,
 * and end-to-end inference against raw ONNX Runtime plus OpenCV's decode/resize.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decoding anchor and end-to-end inference on a 500x375 JPEG, batch 1, one thread.",
            "jclas decode + preprocess vs OpenCV (org.openpnp:opencv) decode + resize; per model,",
            "Classifier.predict on the JPEG vs raw ONNX Runtime + OpenCV's decode/resize, as ratios."})
final class BenchmarkDecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--models", paramLabel = "NAMES", split = ",",
            description = "Zoo names (default ShuffleNetV2_x1_0,MobileNetV3_large_x1_0,ResNet50_vd).")
    List<String> models = new ArrayList<>(DecodeBenchmark.DEFAULT_MODELS);

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Untimed rounds (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
            description = "Timed rounds, each contender once per round (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--image", paramLabel = "FILE", description = "A JPEG to decode (default: a synthetic 500x375 photo).")
    Path image;

    @Option(names = "--opencv-jar", paramLabel = "JAR",
            description = "org.openpnp:opencv's jar (default: the newest in ~/.m2, else the class path).")
    Path opencvJar;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DecodeBenchmark.run(models, warmup, iterations, image, opencvJar, line -> {
            out.println(line);
            out.flush();
        });
        return 0;
    }
}
