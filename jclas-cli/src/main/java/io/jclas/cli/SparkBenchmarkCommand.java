package io.jclas.cli;

import io.jclas.spark.SparkBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas spark benchmark}: Spark local[N] throughput, its start-up, and its cost against the single JVM. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Spark local[N] against the single-JVM Classifier on one image folder.",
            "One intra-op thread per Spark task and per single-JVM thread.",
            "Prints img/s per N excluding start-up, the start-up cost, local[1] -> local[N] scaling and",
            "the Spark/single-JVM per-image cost ratio. Measure on a quiet machine."})
final class SparkBenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Inference directory (from `jclas export`).")
    Path model;

    @Option(names = "--input", paramLabel = "DIR", required = true, description = "A folder of images (searched recursively).")
    Path input;

    @Option(names = "--cores", paramLabel = "N,..", split = ",", defaultValue = "1,2",
            description = "The N of each local[N] and thread count (default: ${DEFAULT-VALUE}).")
    List<Integer> cores = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Timed passes per measurement, after one warm-up pass; the median counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() {
        SparkCommand.requireSpark();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SparkBenchmark.Result r = SparkBenchmark.run(new SparkBenchmark.Options(model, input, cores, batch, repeats),
                step -> {
                    err.println(step);
                    err.flush();
                });
        List<SparkBenchmark.Measurement> rows = new ArrayList<>(r.spark());
        rows.addAll(r.singleJvm());
        table().aligned(rows, out);
        out.println();
        for (int i = 0; i < cores.size(); i++) {
            out.printf(Locale.ROOT, "start-up local[%d] (session + first one-image job): %.2f s; "
                    + "then per job (a one-image job): %.3f s%n", cores.get(i), r.startupSeconds().get(i), r.jobSeconds().get(i));
        }
        if (cores.size() > 1) {
            out.printf(Locale.ROOT, "scaling local[%d] -> local[%d]: %.2fx%n", cores.get(0), cores.get(cores.size() - 1),
                    r.scaling());
        }
        for (int i = 0; i < cores.size(); i++) {
            out.printf(Locale.ROOT, "per-image cost Spark / single JVM at %d thread(s): %.2fx with the per-job cost, "
                    + "%.2fx without; CPU time %.2fx%n", cores.get(i), r.overhead(i), r.overheadPerImage(i), r.cpuOverhead(i));
        }
        return 0;
    }

    private static Table<SparkBenchmark.Measurement> table() {
        return new Table<>(List.of(
                Table.Column.of("path", Table.Kind.TEXT, SparkBenchmark.Measurement::path),
                Table.Column.of("threads", Table.Kind.COUNT, m -> (long) m.threads()),
                Table.Column.of("images", Table.Kind.COUNT, m -> (long) m.images()),
                Table.Column.decimal("seconds", 3, SparkBenchmark.Measurement::seconds),
                Table.Column.decimal("img/s", 1, SparkBenchmark.Measurement::imagesPerSecond),
                Table.Column.decimal("cpu s", 3, SparkBenchmark.Measurement::cpuSeconds)));
    }
}
