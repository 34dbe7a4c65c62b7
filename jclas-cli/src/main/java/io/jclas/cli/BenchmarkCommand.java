package io.jclas.cli;

import io.jclas.bench.AnchorResult;
import io.jclas.bench.Benchmark;
import io.jclas.bench.BenchmarkListener;
import io.jclas.bench.BenchmarkOptions;
import io.jclas.bench.InferenceEngine;
import io.jclas.bench.LatencyResult;
import io.jclas.bench.ModelResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jclas benchmark}: the 7-dimension benchmark of zoo models (Top-1, FLOPs, params, memory,
 * file size, latency, training time) into report.md/csv/json and PNG plots; {@code benchmark serve}
 * is the HTTP load benchmark.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Benchmark zoo models in 7 dimensions, or the HTTP service (`benchmark serve`).",
            "Dimensions: Top-1, FLOPs, params, memory, model file size, latency (ONNX Runtime and PyTorch),",
            "training time. Writes report.md, report.csv, report.json and PNG plots to --out.",
            "Unset options take the defaults of a full run, or of --quick."},
        subcommands = {BenchmarkServeCommand.class, BenchmarkDecodeCommand.class})
final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Three light models, batch 1, one thread, one training epoch on 512 images.")
    boolean quick;

    @Option(names = "--models", paramLabel = "NAMES", split = ",", description = "Zoo names, comma-separated.")
    List<String> models;

    @Option(names = "--batch-sizes", paramLabel = "N,..", split = ",", description = "Latency batch sizes (default 1,4,8).")
    List<Integer> batchSizes;

    @Option(names = "--threads", paramLabel = "N,..", split = ",", description = "Latency thread counts (default 1,2).")
    List<Integer> threads;

    @Option(names = "--engines", paramLabel = "E,..", split = ",", description = "onnxruntime,pytorch (default both).")
    List<String> engines;

    @Option(names = "--precision", paramLabel = "P,..", split = ",",
            description = "fp32 and/or int8 (default fp32). int8 quantizes each model (random calibration images) "
                    + "and adds onnxruntime-int8 latency rows with their int8/fp32 ratio; fp32 rows always run.")
    List<String> precisions;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed forwards per setting (default 5).")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "Timed forwards per setting (default 30).")
    Integer iterations;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Rounds of --iterations per latency setting: median of the round medians, ± half their range (default 1).")
    Integer repeats;

    @Option(names = "--input-size", paramLabel = "PX", description = "Square input side (default 224; 28 for Fashion-MNIST).")
    Integer inputSize;

    @Option(names = "--input-channels", paramLabel = "C", description = "3, or 1 for Fashion-MNIST (default 3).")
    Integer inputChannels;

    @Option(names = "--class-num", paramLabel = "N", description = "Classifier outputs (default 1000).")
    Integer classNum;

    @Option(names = "--small-input", paramLabel = "true|false", arity = "1",
            description = "Build the models for tiny images (stem stride 1, no stem pool; default: when --input-size "
                    + "is at most 64). The Fashion-MNIST recipes at 56 keep the ImageNet stem: --small-input false.")
    Boolean smallInput;

    @Option(names = "--train-epochs", paramLabel = "N", description = "Epochs of the training dimension; 0 skips it.")
    Integer trainEpochs;

    @Option(names = "--train-subset", paramLabel = "N", description = "Training images per epoch; 0 = all.")
    Integer trainSubset;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Training data set (fashion-mnist).")
    String dataset;

    @Option(names = "--train-threads", paramLabel = "N",
            description = "Intra-op threads of the training dimension (default: the largest of --threads).")
    Integer trainThreads;

    @Option(names = "--train-scaling", description = {"With --train-threads above 1: train again on 1 thread in the",
        "same run and print the N-thread over 1-thread img/s (with --anchors, PyTorch's at 1 thread too)."})
    boolean trainScaling;

    @Option(names = "--train-override", paramLabel = "KEY=VALUE",
            description = "Override of the training recipe, repeatable (e.g. Arch.small_input=true).")
    List<String> trainOverrides;

    @Option(names = "--data-path", description = {"With --train-epochs: train again from the same images written as PNG",
        "files (an ImageFolder decoded every step) and print that img/s over the pre-decoded figure."})
    boolean dataPath;

    @Option(names = "--anchors", description = {"Measure the anchors in the same run and print jclas/anchor ratios:",
        "PyTorch eager in Python (torchvision's ResNet18/50, ShuffleNetV2_x1_0, MobileNetV2: latency and, with",
        "--train-epochs, training img/s) and raw ONNX Runtime against jclas's classifier."})
    boolean anchors;

    @Option(names = "--anchor-python", paramLabel = "PATH",
            description = "Python with torch and torchvision for the PyTorch anchor (default /usr/bin/python3).")
    Path anchorPython;

    @Option(names = "--require-quiet", description = "Refuse to run when the 1-minute load average is above 0.5 "
            + "(without it such a report is marked as not a result).")
    boolean requireQuiet;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default bench-out).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Benchmark.run(options(), new Printer(w));
        return 0;
    }

    /** The quick defaults first when asked, then every option given. */
    BenchmarkOptions options() {
        BenchmarkOptions.Builder b = BenchmarkOptions.builder();
        if (quick) {
            b.quick();
        }
        if (models != null) {
            b.setModels(models);
        }
        if (batchSizes != null) {
            b.optBatchSizes(batchSizes);
        }
        if (threads != null) {
            b.optThreads(threads);
        }
        if (engines != null) {
            b.optEngines(engines.stream().map(InferenceEngine::of).toList());
        }
        if (precisions != null) {
            b.optPrecisions(precisions);
        }
        if (warmup != null) {
            b.optWarmup(warmup);
        }
        if (iterations != null) {
            b.optIterations(iterations);
        }
        if (repeats != null) {
            b.optRepeats(repeats);
        }
        if (inputSize != null) {
            b.optInputSize(inputSize);
        }
        if (inputChannels != null) {
            b.optInputChannels(inputChannels);
        }
        if (classNum != null) {
            b.optClassNum(classNum);
        }
        b.optSmallInput(smallInput);
        if (trainEpochs != null) {
            b.optTrainEpochs(trainEpochs);
        }
        if (trainSubset != null) {
            b.optTrainSubset(trainSubset);
        }
        if (dataset != null) {
            b.optDataset(dataset);
        }
        if (trainThreads != null) {
            b.optTrainThreads(trainThreads);
        }
        if (trainOverrides != null) {
            b.optTrainOverrides(trainOverrides);
        }
        if (anchorPython != null) {
            b.optAnchorPython(anchorPython);
        }
        b.optTrainScaling(trainScaling).optDataPath(dataPath).optAnchors(anchors).optRequireQuiet(requireQuiet);
        if (out != null) {
            b.optOutDir(out);
        }
        return b.build();
    }

    /** One line per benchmark event. */
    private static final class Printer implements BenchmarkListener {
        private final PrintWriter out;

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onStage(String model, String stage) {
            print(model + ": " + stage);
        }

        @Override
        public void onLatency(String model, LatencyResult r) {
            print(String.format(Locale.ROOT, "%s: %s batch %d, %d thread(s): median %.2f ms, p90 %.2f ms, %.2f GFLOP/s",
                    model, r.engine(), r.batch(), r.threads(), r.medianMs(), r.p90Ms(), r.gflops()));
        }

        @Override
        public void onAnchor(String model, AnchorResult a) {
            print(String.format(Locale.ROOT, "%s: %s vs %s, batch %d, %d thread(s): jclas %.2f, anchor %.2f %s, "
                    + "jclas/anchor %.2f%s", model, a.engine(), a.anchor(), a.batch(), a.threads(), a.jclas(),
                    a.reference(), a.measure().equals(AnchorResult.LATENCY) ? "ms" : "img/s", a.ratio(),
                    a.note().isEmpty() ? "" : " (" + a.note() + ")"));
        }

        @Override
        public void onModel(ModelResult r) {
            r.notes().forEach(n -> print(r.name() + ": not measured: " + n));
        }

        @Override
        public void onMessage(String message) {
            print(message);
        }

        private void print(String line) {
            out.println(line);
            out.flush();
        }
    }
}
