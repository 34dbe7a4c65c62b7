package io.jclas.bench;

import io.jclas.JclasException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry of the benchmark module; prints progress. Example:
 * {@code java -Dai.djl.offline=true -cp ... io.jclas.bench.BenchmarkMain --quick --out bench-out}.
 */
@Command(name = "jclas-bench", mixinStandardHelpOptions = true,
        description = "7-dimension benchmark of zoo models: Top-1, FLOPs, params, memory, file size, latency, "
                + "training time. Writes report.md/csv/json and PNG plots.")
public final class BenchmarkMain implements Callable<Integer> {
    @Option(names = "--models", split = ",", description = "zoo names (default: the quick set with --quick)")
    List<String> models;

    @Option(names = "--batch-sizes", split = ",", description = "default 1,4,8 (1 with --quick)")
    List<Integer> batchSizes;

    @Option(names = "--threads", split = ",", description = "default 1,2 (1 with --quick)")
    List<Integer> threads;

    @Option(names = "--engines", split = ",", description = "onnxruntime,pytorch (default both)")
    List<String> engines;

    @Option(names = "--warmup", description = "untimed forwards per setting")
    Integer warmup;

    @Option(names = "--iterations", description = "timed forwards per setting")
    Integer iterations;

    @Option(names = "--input-size", description = "square input side (default 224; 28 for Fashion-MNIST)")
    Integer inputSize;

    @Option(names = "--input-channels", description = "3, or 1 for Fashion-MNIST")
    Integer inputChannels;

    @Option(names = "--class-num", description = "classifier outputs (default 1000)")
    Integer classNum;

    @Option(names = "--train-epochs", description = "training epochs, 0 skips training")
    Integer trainEpochs;

    @Option(names = "--dataset", description = "training data set (fashion-mnist)")
    String dataset;

    @Option(names = "--train-subset", description = "training images per epoch, 0 = all")
    Integer trainSubset;

    @Option(names = "--out", description = "report folder (default bench-out)")
    Path out;

    @Option(names = "--quick", description = "3 light models, small settings")
    boolean quick;

    /** Builds the options: quick defaults first, then every option given. */
    BenchmarkOptions options() {
        BenchmarkOptions.Builder b = BenchmarkOptions.builder();
        if (quick) {
            b.quick();
        }
        if (models != null) b.setModels(models);
        if (batchSizes != null) b.optBatchSizes(batchSizes);
        if (threads != null) b.optThreads(threads);
        if (engines != null) b.optEngines(engines.stream().map(InferenceEngine::of).toList());
        if (warmup != null) b.optWarmup(warmup);
        if (iterations != null) b.optIterations(iterations);
        if (inputSize != null) b.optInputSize(inputSize);
        if (inputChannels != null) b.optInputChannels(inputChannels);
        if (classNum != null) b.optClassNum(classNum);
        if (trainEpochs != null) b.optTrainEpochs(trainEpochs);
        if (dataset != null) b.optDataset(dataset);
        if (trainSubset != null) b.optTrainSubset(trainSubset);
        if (out != null) b.optOutDir(out);
        return b.build();
    }

    @Override
    public Integer call() {
        try {
            Benchmark.run(options(), new PrintingListener());
            return 0;
        } catch (JclasException e) {
            System.err.println("error: " + e.oneLine());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkMain()).execute(args));
    }

    /** Prints one line per event. */
    static final class PrintingListener implements BenchmarkListener {
        @Override
        public void onStage(String model, String stage) {
            System.out.println(model + ": " + stage);
        }

        @Override
        public void onLatency(String model, LatencyResult r) {
            System.out.println(String.format(Locale.ROOT, "%s: %s batch %d threads %d: median %.2f ms, p90 %.2f ms,"
                    + " %.2f GFLOP/s", model, r.engine(), r.batch(), r.threads(), r.medianMs(), r.p90Ms(), r.gflops()));
        }

        @Override
        public void onModel(ModelResult r) {
            r.notes().forEach(n -> System.out.println(r.name() + ": not measured: " + n));
        }

        @Override
        public void onMessage(String message) {
            System.out.println(message);
        }
    }
}
