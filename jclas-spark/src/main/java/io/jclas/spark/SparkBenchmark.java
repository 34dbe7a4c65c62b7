package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of the Spark path against the single-JVM Classifier on the same image files, each
 * thread or task with one intra-op thread: Spark {@code local[N]} for each N (its start-up measured
 * apart: the session plus a first one-image job, which opens the ONNX Runtime session), and N
 * threads sharing one Classifier. Every timed pass reads, decodes and classifies every file; the
 * median of the passes counts, after an untimed warm-up pass.
 */
public final class SparkBenchmark {
    /**
     * @param model an inference directory
     * @param images a folder of images (read by both paths)
     * @param cores the N of each {@code local[N]} and thread count
     * @param batch images per forward on both paths
     * @param repeats timed passes per measurement
     */
    public record Options(Path model, Path images, List<Integer> cores, int batch, int repeats) {
        public Options {
            if (cores.isEmpty() || cores.stream().anyMatch(c -> c < 1) || repeats < 1 || batch < 1) {
                throw new JclasException("cores, repeats and batch must be at least 1",
                        "e.g. --cores 1,2 --repeats 3 --batch 32");
            }
        }
    }

    /** One measurement: what ran, on how many threads, the median seconds of a pass over {@code images}. */
    public record Measurement(String path, int threads, int images, double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /** Spark's measurements (with their start-up seconds) and the single JVM's, by thread count. */
    public record Result(List<Measurement> spark, List<Double> startupSeconds, List<Measurement> singleJvm) {
        /** Throughput of {@code local[last]} over {@code local[first]}. */
        public double scaling() {
            return spark.get(spark.size() - 1).imagesPerSecond() / spark.get(0).imagesPerSecond();
        }

        /** Spark's per-image cost over the single JVM's at the i-th thread count. */
        public double overhead(int i) {
            return spark.get(i).seconds() / singleJvm.get(i).seconds();
        }
    }

    private SparkBenchmark() {}

    public static Result run(Options options, Consumer<String> progress) {
        List<Measurement> spark = new ArrayList<>();
        List<Double> startup = new ArrayList<>();
        List<Path> files = null;
        for (int cores : options.cores()) {
            progress.accept("spark local[" + cores + "] ...");
            long start = System.nanoTime();
            SparkSession session = SparkSessions.start("local[" + cores + "]");
            try {
                List<String> folder = List.of(options.images().toString());
                List<String> all = Arrays.asList(SparkImages.read(session, folder).inputFiles());
                runJob(session, all.subList(0, 1), options);
                startup.add(seconds(start));
                files = all.stream().map(p -> Path.of(new org.apache.hadoop.fs.Path(p).toUri().getPath())).toList();
                spark.add(median("spark local[" + cores + "]", cores, all.size(), options.repeats(),
                        () -> runJob(session, folder, options)));
            } finally {
                session.stop();
            }
        }
        List<Measurement> single = new ArrayList<>();
        try (Classifier classifier = Classifier.load(options.model(), ClassifierOptions.defaults().withThreads(1))) {
            for (int threads : options.cores()) {
                progress.accept("single JVM, " + threads + " thread(s) ...");
                List<Path> all = files;
                single.add(median("single JVM", threads, all.size(), options.repeats(),
                        () -> classifyInThreads(classifier, all, threads, options.batch())));
            }
        }
        return new Result(spark, startup, single);
    }

    /**
     * One pass of the Spark job over {@code paths} (listing included, as in every job); the noop sink
     * makes Spark compute every row and write nothing.
     */
    private static void runJob(SparkSession session, List<String> paths, Options options) {
        SparkClassifier.predict(SparkImages.read(session, paths), options.model(), SparkOptions.defaults().withBatch(options.batch()))
                .write().format("noop").mode("overwrite").save();
    }

    /** {@code threads} threads take batches of files in turn: read, decode, one forward per batch. */
    private static void classifyInThreads(Classifier classifier, List<Path> files, int threads, int batch) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(batch); from < files.size(); from = next.getAndAdd(batch)) {
                        List<BufferedImage> images = new ArrayList<>();
                        for (Path f : files.subList(from, Math.min(files.size(), from + batch))) {
                            images.add(ImageDecoding.read(f));
                        }
                        classifier.predictBatch(images, 5);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the single-JVM pass failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
    }

    private static Measurement median(String path, int threads, int images, int repeats, Runnable pass) {
        pass.run();
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            pass.run();
            times[r] = seconds(start);
        }
        Arrays.sort(times);
        return new Measurement(path, threads, images, times[repeats / 2]);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
