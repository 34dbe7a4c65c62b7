package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import io.jclas.data.ImageFiles;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
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
 * threads sharing one Classifier, the two passes taking turns in the same JVM. Every timed pass
 * lists the folder, then reads, decodes and classifies every file; the median of the passes counts,
 * after an untimed warm-up pass of each.
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

    /**
     * One measurement: what ran, on how many threads, the median wall seconds of a pass over {@code
     * images}, and the median CPU seconds of the process over a pass (every thread: Spark's driver and
     * scheduler too), which a busy machine disturbs far less than the wall clock.
     */
    public record Measurement(String path, int threads, int images, double seconds, double cpuSeconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /**
     * Spark's measurements with their start-up (session + first one-image job) and per-job seconds (a
     * one-image job on the warm session: the driver's model check, broadcast, listing, scheduling),
     * and the single JVM's, by thread count.
     */
    public record Result(List<Measurement> spark, List<Double> startupSeconds, List<Double> jobSeconds,
            List<Measurement> singleJvm) {
        /** Throughput of {@code local[last]} over {@code local[first]}. */
        public double scaling() {
            return spark.get(spark.size() - 1).imagesPerSecond() / spark.get(0).imagesPerSecond();
        }

        /** Spark's per-image cost over the single JVM's at the i-th thread count, the per-job cost included. */
        public double overhead(int i) {
            return spark.get(i).seconds() / singleJvm.get(i).seconds();
        }

        /** The same without the per-job cost: what each further image costs on Spark over the single JVM. */
        public double overheadPerImage(int i) {
            return (spark.get(i).seconds() - jobSeconds.get(i)) / singleJvm.get(i).seconds();
        }

        /** Spark's CPU time per image over the single JVM's, the per-job work included. */
        public double cpuOverhead(int i) {
            return spark.get(i).cpuSeconds() / singleJvm.get(i).cpuSeconds();
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    private SparkBenchmark() {}

    public static Result run(Options options, Consumer<String> progress) {
        List<Measurement> spark = new ArrayList<>();
        List<Measurement> single = new ArrayList<>();
        List<Double> startup = new ArrayList<>();
        List<Double> job = new ArrayList<>();
        List<Path> files = ImageFiles.resolve(options.images());
        List<String> first = List.of(files.get(0).toString());
        List<String> folder = List.of(options.images().toString());
        try (Classifier classifier = Classifier.load(options.model(), ClassifierOptions.defaults().withThreads(1))) {
            for (int cores : options.cores()) {
                progress.accept("spark local[" + cores + "] and single JVM, " + cores + " thread(s) ...");
                long start = System.nanoTime();
                SparkSession session = SparkSessions.start("local[" + cores + "]");
                try {
                    runJob(session, first, options);
                    startup.add(seconds(start));
                    job.add(inTurns(cores, 1, options.repeats(),
                            List.of(new Pass("one-image job", () -> runJob(session, first, options)))).get(0).seconds());
                    List<Measurement> pair = inTurns(cores, files.size(), options.repeats(), List.of(
                            new Pass("spark local[" + cores + "]", () -> runJob(session, folder, options)),
                            // the folder is listed in every pass, as every Spark job lists it
                            new Pass("single JVM", () -> classifyInThreads(classifier,
                                    ImageFiles.resolve(options.images()), cores, options.batch()))));
                    spark.add(pair.get(0));
                    single.add(pair.get(1));
                } finally {
                    session.stop();
                }
            }
        }
        return new Result(spark, startup, job, single);
    }

    /**
     * One pass of the Spark job over {@code paths} (listing included, as in every job); the noop sink
     * makes Spark compute every row and write nothing.
     */
    private static void runJob(SparkSession session, List<String> paths, Options options) {
        SparkClassifier.predict(SparkImages.load(session, paths, 0), options.model(),
                        SparkOptions.defaults().withBatch(options.batch()))
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

    /** A pass to time, and the name its measurement gets. */
    private record Pass(String path, Runnable run) {}

    /**
     * The passes in turn, each warmed up once first, then {@code repeats} rounds of one timed run of
     * each: with two passes (Spark and the single JVM) both see the same JIT state, heap and machine,
     * so that a drift of the machine's speed over the run (this VM's throughput swings by 10-20% over
     * minutes) falls on both alike instead of on whichever ran later. Each measurement holds the
     * median wall and the median process CPU seconds of its pass.
     */
    private static List<Measurement> inTurns(int threads, int images, int repeats, List<Pass> passes) {
        passes.forEach(p -> p.run().run());
        double[][] wall = new double[passes.size()][repeats];
        double[][] cpu = new double[passes.size()][repeats];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < passes.size(); i++) {
                long start = System.nanoTime();
                long cpuStart = OS.getProcessCpuTime();
                passes.get(i).run().run();
                wall[i][r] = seconds(start);
                cpu[i][r] = (OS.getProcessCpuTime() - cpuStart) / 1e9;
            }
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            Arrays.sort(wall[i]);
            Arrays.sort(cpu[i]);
            out.add(new Measurement(passes.get(i).path(), threads, images, wall[i][repeats / 2], cpu[i][repeats / 2]));
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
