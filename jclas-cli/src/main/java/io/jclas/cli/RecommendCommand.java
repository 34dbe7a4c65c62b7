package io.jclas.cli;

import io.jclas.bench.recommend.AccuracySource;
import io.jclas.bench.recommend.Budget;
import io.jclas.bench.recommend.Candidate;
import io.jclas.bench.recommend.LatencyPredictors;
import io.jclas.bench.recommend.RecommendListener;
import io.jclas.bench.recommend.RecommendOptions;
import io.jclas.bench.recommend.RecommendReport;
import io.jclas.bench.recommend.Recommender;
import io.jclas.bench.recommend.RepeatedMedians;
import io.jclas.bench.recommend.Selection;
import io.jclas.cli.Table.Column;
import io.jclas.cli.Table.Kind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jclas recommend}: measures candidate models on this machine and names the most accurate
 * one within a latency and/or memory budget, with the measurement noise, the runner-up, why the
 * others were dropped, and how well FLOPs and memory access predicted the measured latencies.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Measure candidate models here (ONNX Runtime) and pick the most accurate one within a budget.",
            "Each architecture: warm-up, then repeated rounds of timed forwards; latency = median of the round",
            "medians, spread = half their range; models clearly over the latency budget stop early. A pick is",
            "declared only when the measurements can tell; otherwise the top candidates are reported tied.",
            "Also prints how well FLOPs and memory access rank the measured latencies (Spearman rho)."})
final class RecommendCommand implements Callable<Integer> {
    private static final Table<Selection.Ranked> CANDIDATES = new Table<>(List.of(
            Column.of("model", Kind.TEXT, r -> r.candidate().name()),
            Column.of("precision", Kind.TEXT, r -> r.candidate().precision().id()),
            Column.decimal("latency_ms", 2, r -> r.candidate().latencyMs()),
            Column.decimal("spread_ms", 2, r -> r.candidate().spreadMs()),
            Column.decimal("memory_mb", 1, r -> r.candidate().memoryMb()),
            Column.decimal("mflops", 1, r -> r.candidate().flops() / 1e6),
            Column.decimal("memory_access_mb", 1, r -> r.candidate().memoryAccessBytes() / 1e6),
            Column.decimal("top1", 2, r -> 100 * r.candidate().top1()),
            Column.of("status", Kind.TEXT, Selection.Ranked::status),
            Column.of("why", Kind.TEXT, Selection.Ranked::reason)));

    private static final Table<LatencyPredictors> PREDICTORS = new Table<>(List.of(
            Column.of("family", Kind.TEXT, LatencyPredictors::family),
            Column.of("precision", Kind.TEXT, p -> p.precision().id()),
            Column.of("models", Kind.VALUE, LatencyPredictors::models),
            Column.decimal("flops_rho", 2, LatencyPredictors::flopsRho),
            Column.decimal("memory_access_rho", 2, LatencyPredictors::memoryAccessRho)));

    @Spec
    CommandSpec spec;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Latency budget of one forward of the batch.")
    Double latencyMs;

    @Option(names = "--memory-mb", paramLabel = "MB",
            description = "Memory budget: resident memory of the model in a fresh process (batch 1, one thread).")
    Double memoryMb;

    @Option(names = "--models", paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "Candidates: all, family titles (ShuffleNetV2, MobileNetV3, ...) or zoo names "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1",
            description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--input-size", paramLabel = "PX", defaultValue = "224",
            description = "Square input side; 64 or less builds the small-input variants (default: ${DEFAULT-VALUE}).")
    int inputSize;

    @Option(names = "--metric", paramLabel = "published|FILE", defaultValue = AccuracySource.PUBLISHED,
            description = "Accuracy: the published ImageNet Top-1, or a file of model,top1 lines "
                    + "(default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--precision", paramLabel = "LIST", split = ",", defaultValue = "fp32",
            description = "fp32, int8 or fp32,int8 (int8: jclas's quantizer, min-max calibrated on random images) (default: ${DEFAULT-VALUE}).")
    List<String> precision;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed forwards (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Timed rounds (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Timed forwards per round (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = "recommend-pareto.png",
            description = "Pareto plot, accuracy vs measured latency (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--json", description = "Print the result as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        RecommendOptions o = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecommendReport r = Recommender.standard().run(o, new Progress(err));
        if (json) {
            out.println(Json.pretty(json(r)));
        } else {
            print(r, out);
        }
        out.flush();
        return 0;
    }

    RecommendOptions options() {
        Budget budget = new Budget(latencyMs == null ? Double.NaN : latencyMs, memoryMb == null ? Double.NaN : memoryMb);
        return new RecommendOptions(RecommendOptions.resolve(models), budget, batch, threads, inputSize,
                RecommendOptions.precisions(precision), AccuracySource.of(metric),
                new RepeatedMedians(warmup, repeats, iterations), plot);
    }

    private static void print(RecommendReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "machine: %s, %d cores, ONNX Runtime %s, load average %.1f%s%n", r.machine().cpuModel(),
                r.machine().cores(), r.machine().onnxruntime(), r.loadAverage(),
                r.loadAverage() > r.machine().cores() ? " (busy: other processes competed with the measurements)" : "");
        boolean otherSizes = r.options().accuracy().isPublished() && r.options().publishedAtOtherSizes() > 0;
        out.printf(Locale.ROOT, "accuracy: %s%s%n", r.options().accuracy().label(),
                otherSizes ? " (measured at each model's own input size, not " + r.options().inputSize() + ")" : "");
        out.println();
        CANDIDATES.aligned(r.selection().ranked(), out);
        out.println();
        out.println(r.selection().message());
        out.println();
        out.println("How well FLOPs and memory access rank the measured latencies (Spearman rho, 1 = same order):");
        PREDICTORS.aligned(r.predictors(), out);
        if (r.plot() != null) {
            out.println();
            out.println("plot: " + r.plot());
        }
    }

    private static Map<String, Object> json(RecommendReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine", r.machine());
        m.put("load_average", Double.isNaN(r.loadAverage()) ? null : r.loadAverage());
        m.put("accuracy", r.options().accuracy().label());
        m.put("outcome", r.selection().outcome().name().toLowerCase(Locale.ROOT));
        m.put("pick", name(r.selection().pick()));
        m.put("runner_up", name(r.selection().runnerUp()));
        m.put("tied", r.selection().tied().stream().map(Candidate::label).toList());
        m.put("message", r.selection().message());
        m.put("candidates", CANDIDATES.maps(r.selection().ranked()));
        m.put("predictors", PREDICTORS.maps(r.predictors()));
        m.put("plot", r.plot() == null ? null : r.plot().toString());
        return m;
    }

    private static String name(Candidate c) {
        return c == null ? null : c.label();
    }

    /** One stderr line per stage and per measured candidate. */
    private static final class Progress implements RecommendListener {
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onStage(String model, String stage) {
            line(model + ": " + stage);
        }

        @Override
        public void onCandidate(Candidate c) {
            line(String.format(Locale.ROOT, "%s: %.2f ms%s%s", c.label(), c.latencyMs(),
                    c.stoppedEarly() ? " (stopped early)" : String.format(Locale.ROOT, " ± %.2f", c.spreadMs()),
                    c.memoryMeasured() ? String.format(Locale.ROOT, ", %.1f MB", c.memoryMb()) : ""));
        }

        @Override
        public void onMessage(String message) {
            line(message);
        }

        private void line(String s) {
            err.println(s);
            err.flush();
        }
    }
}
