package io.jclas.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.jclas.JclasException;
import io.jclas.analysis.ModelStats;
import io.jclas.bench.recommend.LoadAverage;
import io.jclas.model.Weights;
import io.jclas.util.Pair;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The 7-dimension benchmark of the seeds: Top-1 after short training, FLOPs, parameters, inference
 * memory, model file size, latency (per engine, batch and thread count, against the machine's own
 * matmul peak) and training time. Measures on the machine it runs on, as ShuffleNetV2's authors ask:
 * FLOPs do not predict speed.
 *
 * <pre>{@code
 * BenchmarkReport r = Benchmark.run(BenchmarkOptions.builder().quick().build(), new BenchmarkListener() {});
 * }</pre>
 */
public final class Benchmark {
    /** Side of the square matmul that measures the machine's peak. */
    static final int PEAK_MATMUL_SIDE = 1024;
    static final int PEAK_REPEATS = 10;

    private final OnnxExport onnx;
    private final OnnxQuantize int8;
    private final TrainingRunner trainer;

    /** A benchmark that exports with {@code onnx}, quantizes with {@code int8} and trains with {@code trainer}. */
    public Benchmark(OnnxExport onnx, OnnxQuantize int8, TrainingRunner trainer) {
        this.onnx = onnx;
        this.int8 = int8;
        this.trainer = trainer;
    }

    /**
     * Runs the benchmark with jclas's ONNX exporter and training engine and writes report.md,
     * report.csv, report.json and the plots into {@code options.outDir()}.
     */
    public static BenchmarkReport run(BenchmarkOptions options, BenchmarkListener listener) {
        return new Benchmark(Integrations.onnxExport(), Integrations.onnxQuantize(),
                Integrations.trainingRunner()).execute(options, listener);
    }

    /** Runs every dimension for every model, then writes the report files. */
    public BenchmarkReport execute(BenchmarkOptions o, BenchmarkListener listener) {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ModelInfo> infos = o.models().stream().map(Models::info).toList(); // unknown names fail before any work
        double loadBefore = LoadAverage.now();
        boolean quiet = quietEnough(loadBefore, o.requireQuiet(), listener);
        Map<Integer, Double> peak = new HashMap<>();
        for (int threads : o.threads()) {
            peak.put(threads, PeakThroughput.gflops(threads, PEAK_MATMUL_SIDE, PEAK_REPEATS));
            listener.onMessage(String.format("matmul peak at %d thread(s): %.1f GFLOP/s", threads, peak.get(threads)));
        }
        MachineInfo machine = Machine.describe(peak);
        Path anchorWork = tempDir(o.outDir(), ".anchors");
        try {
            TorchAnchor torch = o.anchors() ? openTorchAnchor(o, anchorWork, listener) : null;
            Map<Integer, Double> torchPeak = torch == null ? Map.of() : torchPeak(torch, o.threads(), listener);
            torchPeak.forEach((threads, gflops) -> listener.onMessage(String.format(Locale.ROOT,
                    "matmul peak of the PyTorch anchor at %d thread(s): %.1f GFLOP/s", threads, gflops)));
            Path pngFolder = o.dataPath() && o.trainEpochs() > 0
                    ? PngImageFolder.write(EngineTrainingRunner.trainingDataset(o), anchorWork.resolve("png-folder"))
                    : null;
            List<ModelResult> results = measureAll(infos, o, peak, torch, pngFolder, listener);
            double loadAfter = LoadAverage.now();
            RunConditions conditions = new RunConditions(loadBefore, loadAfter, quiet,
                    torch == null ? null : torch.versions(), torchPeak);
            BenchmarkReport report = new BenchmarkReport(started, machine, BenchmarkReport.Settings.of(o), conditions,
                    results);
            for (Path p : ReportFiles.write(report, o.outDir())) {
                listener.onMessage("wrote " + p);
            }
            return report;
        } finally {
            deleteTree(anchorWork);
        }
    }

    /**
     * Whether a run that starts at {@code load} gives a result; a busy machine is refused when
     * {@code requireQuiet}, else told to the listener. An unknown load (NaN) counts as quiet.
     */
    static boolean quietEnough(double load, boolean requireQuiet, BenchmarkListener listener) {
        if (!(load > BenchmarkOptions.QUIET_LOAD)) {
            return true;
        }
        String busy = String.format(Locale.ROOT, "1-minute load average %.2f, above %.1f", load,
                BenchmarkOptions.QUIET_LOAD);
        if (requireQuiet) {
            throw new JclasException("the machine is busy: " + busy,
                    "stop the other jobs and wait a minute, or leave out --require-quiet to write a report marked "
                            + "as not a result");
        }
        listener.onMessage(busy + ": the report is marked as not a result");
        return false;
    }

    /** The PyTorch anchor, or null with a message saying why it is skipped. */
    private static TorchAnchor openTorchAnchor(BenchmarkOptions o, Path work, BenchmarkListener listener) {
        try {
            TorchAnchor torch = TorchAnchor.open(o.anchorPython(), work);
            listener.onMessage("PyTorch anchor: " + torch.versions() + " (" + o.anchorPython() + ")");
            return torch;
        } catch (IllegalStateException e) {
            listener.onMessage("PyTorch anchor skipped: " + e.getMessage());
            return null;
        }
    }

    /** The PyTorch anchor's own matmul peak; a failure is a message, as the anchor's rows would be notes. */
    private static Map<Integer, Double> torchPeak(TorchAnchor torch, List<Integer> threads, BenchmarkListener l) {
        try {
            return torch.matmulPeak(threads);
        } catch (IllegalStateException e) {
            l.onMessage("matmul peak of the PyTorch anchor not measured: " + e.getMessage());
            return Map.of();
        }
    }

    private List<ModelResult> measureAll(List<ModelInfo> infos, BenchmarkOptions o, Map<Integer, Double> peak,
            TorchAnchor torch, Path pngFolder, BenchmarkListener listener) {
        List<ModelResult> results = new ArrayList<>();
        for (ModelInfo info : infos) {
            ModelResult result = measure(info, o, peak, torch, pngFolder, listener);
            for (LatencyResult int8 : result.int8Latencies()) {
                Double ratio = result.int8Ratio(int8.batch(), int8.threads());
                if (ratio != null) {
                    listener.onMessage(String.format(Locale.ROOT, "%s int8/fp32 latency, batch %d, %d thread(s): %.2f",
                            result.name(), int8.batch(), int8.threads(), ratio));
                }
            }
            listener.onModel(result);
            results.add(result);
        }
        return results;
    }

    /** The zoo options the benchmark builds models with. */
    public static ModelOptions modelOptions(int classNum, int channels, int size, boolean smallInput) {
        return ModelOptions.defaults().withClassNum(classNum).withInputChannels(channels).withInputSize(size)
                .withSmallInput(smallInput);
    }

    private ModelResult measure(ModelInfo info, BenchmarkOptions o, Map<Integer, Double> peak, TorchAnchor torch,
            Path pngFolder, BenchmarkListener l) {
        String name = info.name();
        int c = o.inputChannels();
        int s = o.inputSize();
        List<String> notes = new ArrayList<>();
        Path work = tempDir(o.outDir(), ".models");
        try (NDManager manager = NDManager.newBaseManager()) {
            l.onStage(name, "stats");
            Network net = Models.create(name, modelOptions(o.classNum(), c, s, o.smallInput()));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, c, s, s));
            long params = ModelStats.params(net);
            Pair<Long, Long> trace = ModelStats.trace(net, c, s, s);
            long flops = 2 * trace.getKey();

            l.onStage(name, "files");
            Path npz = work.resolve(Weights.FILE_NAME);
            Weights.save(net, npz);
            Path onnxFile = work.resolve("model.onnx");
            try {
                onnx.export(net, c, s, onnxFile);
            } catch (RuntimeException e) {
                notes.add("ONNX export failed: " + e.getMessage());
                onnxFile = null;
            }

            Path int8File = null;
            if (o.int8() && onnxFile != null) {
                int8File = work.resolve("model_int8.onnx");
                try {
                    int8.quantize(onnxFile, c, s, int8File);
                    l.onMessage(String.format(Locale.ROOT, "%s int8 model.onnx: %.2f MB, %.2fx the fp32 file", name,
                            size(int8File) / 1e6, (double) size(int8File) / size(onnxFile)));
                } catch (RuntimeException e) {
                    notes.add("int8 quantization failed: " + e.getMessage());
                    int8File = null;
                }
            }

            l.onStage(name, "memory");
            Map<String, Long> rss = new LinkedHashMap<>();
            for (InferenceEngine engine : runnable(o.engines(), onnxFile)) {
                try {
                    rss.put(engine.id(), MemoryProbe.measure(name, o, engine, onnxFile));
                } catch (RuntimeException e) {
                    notes.add("memory on " + engine + ": " + e.getMessage());
                }
            }

            l.onStage(name, "latency");
            List<LatencyResult> latencies = new ArrayList<>();
            for (InferenceEngine engine : runnable(o.engines(), onnxFile)) {
                Path file = onnxFile;
                latencies.addAll(latencies(engine.id(), name, o, flops, peak, l, notes,
                        (input, batch, threads) -> runner(engine, net, manager, file, input, batch, c, s, threads)));
            }
            if (int8File != null) {
                Path file = int8File;
                latencies.addAll(latencies(BenchmarkOptions.INT8_ENGINE, name, o, flops, peak, l, notes,
                        (input, batch, threads) -> new OrtRunner(file, threads, input, new long[] {batch, c, s, s})));
            }

            TrainingResult training = null;
            if (o.trainEpochs() > 0) {
                l.onStage(name, "training");
                PytorchThreads.set(o.resolvedTrainThreads());
                try {
                    training = trainer.train(name, o, l);
                } catch (RuntimeException e) {
                    notes.add("training: " + e.getMessage());
                }
            }
            List<AnchorResult> anchors = new ArrayList<>();
            if (pngFolder != null && training != null) {
                anchors.addAll(trainFromFiles(name, o, pngFolder, training, l, notes));
            }
            TrainingResult oneThread = o.trainScaling() && training != null && o.resolvedTrainThreads() > 1
                    ? trainOnOneThread(name, o, training, anchors, l, notes) : null;
            if (o.anchors()) {
                l.onStage(name, "anchors");
                Anchors measured = new Anchors(name, o, torch, l, notes);
                anchors.addAll(measured.torchLatencies(latencies));
                if (onnxFile != null && o.engines().contains(InferenceEngine.ONNXRUNTIME)) {
                    anchors.addAll(measured.classifierOverRawOrt(onnxFile.getParent()));
                }
                if (training != null) {
                    anchors.addAll(measured.torchTraining(training));
                }
                if (oneThread != null) {
                    anchors.addAll(measured.torchTraining(oneThread));
                }
            }
            Double top1 = Double.isNaN(info.published().top1()) ? null : info.published().top1();
            return new ModelResult(name, info.family().title(), params, flops, size(npz),
                    onnxFile == null ? null : size(onnxFile), rss, trace.getValue() * Float.BYTES, top1, latencies,
                    training, anchors, notes);
        } finally {
            deleteTree(work);
        }
    }

    /** Training from PNG files (decoded every step) over the pre-decoded figure of the same images. */
    private List<AnchorResult> trainFromFiles(String name, BenchmarkOptions o, Path pngFolder, TrainingResult idx,
            BenchmarkListener l, List<String> notes) {
        l.onStage(name, "training from PNG files");
        try {
            TrainingResult png = trainer.train(name, o.withMoreTrainOverrides(PngImageFolder.overrides(pngFolder)), l);
            AnchorResult r = AnchorResult.of(AnchorResult.PRE_DECODED, AnchorResult.TRAINING, "training-png",
                    idx.setup().batch(), idx.setup().threads(), png.imagesPerSecond(), idx.imagesPerSecond(),
                    "the same " + png.images() + " images as PNG files in an ImageFolder");
            l.onAnchor(name, r);
            return List.of(r);
        } catch (RuntimeException e) {
            notes.add("training from PNG files: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The training dimension again on one thread, in the same run: the scaling ratio to the figure on
     * more threads goes to {@code anchors}; null when the run fails (a note says why).
     */
    private TrainingResult trainOnOneThread(String name, BenchmarkOptions o, TrainingResult many,
            List<AnchorResult> anchors, BenchmarkListener l, List<String> notes) {
        l.onStage(name, "training on 1 thread");
        PytorchThreads.set(1);
        try {
            TrainingResult one = trainer.train(name, o.withTrainThreads(1), l);
            AnchorResult r = AnchorResult.of(AnchorResult.ONE_THREAD, AnchorResult.TRAINING, "training",
                    many.setup().batch(), many.setup().threads(), many.imagesPerSecond(), one.imagesPerSecond(),
                    "the same training on 1 thread in this run");
            l.onAnchor(name, r);
            anchors.add(r);
            return one;
        } catch (RuntimeException e) {
            notes.add("training on 1 thread: " + e.getMessage());
            return null;
        }
    }

    /** Opens a runner on one input batch at a thread count. */
    @FunctionalInterface
    private interface RunnerFactory {
        ForwardRunner open(float[] input, int batch, int threads) throws OrtException;
    }

    /** One latency row per batch size and thread count; a setting that fails becomes a note. */
    private static List<LatencyResult> latencies(String engine, String name, BenchmarkOptions o, long flops,
            Map<Integer, Double> peak, BenchmarkListener l, List<String> notes, RunnerFactory runners) {
        int perImage = o.inputChannels() * o.inputSize() * o.inputSize();
        List<LatencyResult> rows = new ArrayList<>();
        for (int batch : o.batchSizes()) {
            float[] input = MemoryProbe.randomInput(batch * perImage, batch);
            for (int threads : o.threads()) {
                try (ForwardRunner runner = runners.open(input, batch, threads)) {
                    double[][] rounds = new double[o.repeats()][];
                    for (int round = 0; round < rounds.length; round++) {
                        rounds[round] = LatencyMeter.sample(runner, round == 0 ? o.warmup() : 0, o.iterations());
                    }
                    LatencyResult r = LatencyMeter.summarise(engine, batch, threads, rounds, flops, peak.get(threads));
                    l.onLatency(name, r);
                    rows.add(r);
                } catch (RuntimeException | OrtException e) {
                    notes.add(engine + " batch " + batch + " threads " + threads + ": " + e.getMessage());
                }
            }
        }
        return rows;
    }

    /** The engines that can run: onnxruntime only with an exported model. */
    private static List<InferenceEngine> runnable(List<InferenceEngine> engines, Path onnxFile) {
        return engines.stream().filter(e -> e != InferenceEngine.ONNXRUNTIME || onnxFile != null).toList();
    }

    private static ForwardRunner runner(InferenceEngine engine, Network net, NDManager manager, Path onnxFile,
            float[] input, int batch, int c, int s, int threads) throws OrtException {
        if (engine == InferenceEngine.ONNXRUNTIME) {
            return new OrtRunner(onnxFile, threads, input, new long[] {batch, c, s, s});
        }
        PytorchThreads.set(threads);
        return new PytorchRunner(net, manager, input, new Shape(batch, c, s, s));
    }

    /** A hidden work folder in the report folder, removed by {@link #deleteTree} when done. */
    static Path tempDir(Path outDir, String prefix) {
        try {
            Files.createDirectories(outDir);
            return Files.createTempDirectory(outDir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder in " + outDir, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
