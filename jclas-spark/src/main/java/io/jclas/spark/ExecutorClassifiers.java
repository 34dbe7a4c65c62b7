package io.jclas.spark;

import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The classifiers of this JVM (an executor, or the driver in local mode): one ONNX Runtime session per
 * model and thread count, opened by the first task that needs it and shared by every later task and
 * partition (sessions are thread-safe). They live as long as the JVM; a shutdown hook closes them and
 * removes their local copies of the model.
 */
final class ExecutorClassifiers {
    private static final Map<String, Classifier> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, Path> DIRS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorClassifiers::closeAll, "jclas-spark-models"));
    }

    private ExecutorClassifiers() {}

    /** The session of {@code model} with {@code threads} intra-op threads, opened once per JVM. */
    static Classifier get(ModelFiles model, int threads) {
        return OPEN.computeIfAbsent(model.id() + "@" + threads, key -> open(key, model, threads));
    }

    /** How many sessions this JVM holds (the tests check that tasks share them). */
    static int openSessions() {
        return OPEN.size();
    }

    private static Classifier open(String key, ModelFiles model, int threads) {
        try {
            Path dir = Files.createTempDirectory("jclas-model-");
            DIRS.put(key, dir);
            model.writeTo(dir);
            return Classifier.load(dir, ClassifierOptions.defaults().withThreads(threads));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a local copy of the model", e);
        }
    }

    private static void closeAll() {
        OPEN.values().forEach(Classifier::close);
        for (Path dir : DIRS.values()) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // the JVM is exiting: a temporary folder left behind is all that is lost
            }
        }
    }
}
