package io.jclas.bench;

import io.jclas.JclasException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run measures. Build with {@link #builder()}; {@link Builder#quick()} gives a
 * run of three light models with small settings (a few minutes on two cores).
 *
 * @param models zoo names, in report order
 * @param batchSizes latency batch sizes (default 1, 4, 8)
 * @param threads intra-op thread counts (default 1, 2)
 * @param engines inference engines, {@link InferenceEngine}
 * @param precisions {@code fp32} and/or {@code int8}: int8 adds ONNX Runtime rows (engine
 *     {@value #INT8_ENGINE}) on the model quantized by io.jclas.onnx.quant and their ratio to fp32
 * @param warmup untimed forwards before each latency measurement
 * @param iterations timed forwards per round of a latency measurement
 * @param repeats rounds per latency measurement: the median of the round medians is reported, with half
 *     their range as the spread
 * @param inputSize square input side of the latency, FLOPs and memory dimensions (224 ImageNet-style;
 *     28 or 32 for Fashion-MNIST/CIFAR-sized inputs)
 * @param inputChannels image channels of that input (3; 1 for Fashion-MNIST)
 * @param smallInput whether models are built for tiny images (stem stride 1, no stem pool); by default
 *     when {@code inputSize} is at most 64. The Fashion-MNIST recipes at 56x56 keep the ImageNet stem:
 *     measure them with {@code false}
 * @param classNum classifier outputs of the measured models (1000 ImageNet-style)
 * @param trainEpochs epochs of the training dimension; 0 skips training
 * @param dataset training data set name (fashion-mnist)
 * @param trainSubset training images used per epoch; 0 = the whole training set
 * @param trainThreads intra-op threads of the training dimension; 0 = the largest of {@code threads}
 * @param trainScaling whether a training dimension on more than one thread also trains on one thread in
 *     the same run and reports the ratio of the two
 * @param trainOverrides {@code Section.key=value} overrides of the training recipe (e.g.
 *     {@code Arch.small_input=true}), applied after the benchmark's own
 * @param dataPath whether the training dimension also trains from the same images written as PNG files
 *     (an ImageFolder, decoded on every step) and reports that figure over the pre-decoded one
 * @param anchors whether each row is also measured on its anchors in the same run: PyTorch eager in
 *     Python ({@link TorchAnchor}) and jclas's ONNX Runtime classifier against raw ONNX Runtime
 * @param anchorPython the Python that runs the PyTorch anchor (Debian's, with python3-torch)
 * @param requireQuiet refuse to start when the one-minute load is above {@link #QUIET_LOAD} instead of
 *     marking the report as not a result
 * @param outDir where report.md/csv/json and the plots go
 */
public record BenchmarkOptions(
        List<String> models,
        List<Integer> batchSizes,
        List<Integer> threads,
        List<InferenceEngine> engines,
        List<String> precisions,
        int warmup,
        int iterations,
        int repeats,
        int inputSize,
        int inputChannels,
        boolean smallInput,
        int classNum,
        int trainEpochs,
        String dataset,
        int trainSubset,
        int trainThreads,
        boolean trainScaling,
        List<String> trainOverrides,
        boolean dataPath,
        boolean anchors,
        Path anchorPython,
        boolean requireQuiet,
        Path outDir) {

    /** The models of {@link Builder#quick()}: one light model of three families. */
    public static final List<String> QUICK_MODELS =
            List.of("ShuffleNetV2_x0_5", "MobileNetV3_small_x1_0", "GhostNet_x0_5");

    /** The precisions a run can measure. */
    public static final List<String> PRECISIONS = List.of("fp32", "int8");
    /** The engine id of ONNX Runtime latency rows on the int8 model. */
    public static final String INT8_ENGINE = "onnxruntime-int8";

    /** The one-minute load average above which a machine is too busy for a result. */
    public static final double QUIET_LOAD = 0.5;
    /** Debian's Python, which python3-torch and python3-torchvision install into. */
    public static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    /** Data sets the training dimension knows. */
    public static final List<String> DATASETS = List.of("fashion-mnist");

    public BenchmarkOptions {
        models = List.copyOf(models);
        batchSizes = List.copyOf(batchSizes);
        threads = List.copyOf(threads);
        engines = List.copyOf(engines);
        precisions = List.copyOf(precisions);
        trainOverrides = List.copyOf(trainOverrides);
        if (models.isEmpty()) {
            throw new JclasException("no models to benchmark", "name at least one zoo model (`jclas models` lists them)");
        }
        requirePositive(batchSizes, "batch size", "--batch-sizes 1,4,8");
        requirePositive(threads, "thread count", "--threads 1,2");
        if (engines.isEmpty()) {
            throw new JclasException("no inference engine selected", "use --engines onnxruntime,pytorch");
        }
        if (precisions.isEmpty() || !PRECISIONS.containsAll(precisions)) {
            throw new JclasException("unknown precision in " + precisions, "use --precision fp32,int8 (or one of them)");
        }
        if (precisions.contains("int8") && !engines.contains(InferenceEngine.ONNXRUNTIME)) {
            throw new JclasException("int8 runs on ONNX Runtime only", "add onnxruntime to --engines");
        }
        if (iterations < 1 || warmup < 0 || repeats < 1) {
            throw new JclasException("iterations and repeats must be at least 1 and warm-up at least 0, got "
                    + iterations + ", " + repeats + " and " + warmup, "use e.g. --iterations 30 --repeats 3 --warmup 5");
        }
        if (inputSize < 8 || (inputChannels != 1 && inputChannels != 3) || classNum < 1) {
            throw new JclasException("unusable input " + inputChannels + "x" + inputSize + "x" + inputSize
                    + " with " + classNum + " classes", "use --input-size 224 (3 channels) or 28 (1 channel)");
        }
        if (trainThreads < 0) {
            throw new JclasException("training threads must not be negative, got " + trainThreads,
                    "use --train-threads 1, or 0 for the largest of --threads");
        }
        for (String override : trainOverrides) {
            if (!override.contains("=")) {
                throw new JclasException("training override '" + override + "' is not Section.key=value",
                        "use e.g. --train-override Arch.small_input=true");
            }
        }
        if (trainEpochs < 0 || trainSubset < 0) {
            throw new JclasException("train epochs and subset must not be negative",
                    "use --train-epochs 0 to skip training, --train-subset 0 for the whole set");
        }
        if (!DATASETS.contains(dataset)) {
            throw new JclasException("unknown benchmark dataset '" + dataset + "'", "use one of " + DATASETS);
        }
        if (outDir == null) {
            throw new JclasException("no output folder for the report", "set --out, e.g. --out bench-out");
        }
    }

    private static void requirePositive(List<Integer> values, String what, String example) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v < 1)) {
            throw new JclasException("every " + what + " must be at least 1, got " + values, "use e.g. " + example);
        }
    }

    /** Whether the int8 rows are measured. */
    public boolean int8() {
        return precisions.contains("int8");
    }

    /** These options with {@code more} training overrides after the given ones. */
    BenchmarkOptions withMoreTrainOverrides(List<String> more) {
        List<String> all = new java.util.ArrayList<>(trainOverrides);
        all.addAll(more);
        return withTraining(trainThreads, all);
    }

    /** These options with the training dimension on {@code n} threads. */
    BenchmarkOptions withTrainThreads(int n) {
        return withTraining(n, trainOverrides);
    }

    private BenchmarkOptions withTraining(int newTrainThreads, List<String> newTrainOverrides) {
        return new BenchmarkOptions(models, batchSizes, threads, engines, precisions, warmup, iterations, repeats,
                inputSize, inputChannels, smallInput, classNum, trainEpochs, dataset, trainSubset, newTrainThreads,
                trainScaling, newTrainOverrides, dataPath, anchors, anchorPython, requireQuiet, outDir);
    }

    /** The intra-op threads the training dimension runs with. */
    public int resolvedTrainThreads() {
        return trainThreads > 0 ? trainThreads : threads.stream().max(Integer::compare).orElse(1);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of a full run. */
    public static final class Builder {
        private List<String> models = List.of();
        private List<Integer> batchSizes = List.of(1, 4, 8);
        private List<Integer> threads = List.of(1, 2);
        private List<InferenceEngine> engines = List.of(InferenceEngine.values());
        private List<String> precisions = List.of("fp32");
        private int warmup = 5;
        private int iterations = 30;
        private int repeats = 1;
        private int inputSize = 224;
        private int inputChannels = 3;
        private Boolean smallInput;
        private int classNum = 1000;
        private int trainEpochs = 0;
        private String dataset = "fashion-mnist";
        private int trainSubset = 0;
        private int trainThreads = 0;
        private boolean trainScaling = false;
        private List<String> trainOverrides = List.of();
        private boolean dataPath = false;
        private boolean anchors = false;
        private Path anchorPython = DEBIAN_PYTHON;
        private boolean requireQuiet = false;
        private Path outDir = Path.of("bench-out");

        public Builder setModels(List<String> v) { models = v; return this; }
        public Builder optBatchSizes(List<Integer> v) { batchSizes = v; return this; }
        public Builder optThreads(List<Integer> v) { threads = v; return this; }
        public Builder optEngines(List<InferenceEngine> v) { engines = v; return this; }
        public Builder optPrecisions(List<String> v) { precisions = v; return this; }
        public Builder optWarmup(int v) { warmup = v; return this; }
        public Builder optIterations(int v) { iterations = v; return this; }
        public Builder optRepeats(int v) { repeats = v; return this; }
        public Builder optInputSize(int v) { inputSize = v; return this; }
        public Builder optInputChannels(int v) { inputChannels = v; return this; }
        /** Builds models for tiny images or not; unset: when the input side is at most 64. */
        public Builder optSmallInput(Boolean v) { smallInput = v; return this; }
        public Builder optClassNum(int v) { classNum = v; return this; }
        public Builder optTrainEpochs(int v) { trainEpochs = v; return this; }
        public Builder optDataset(String v) { dataset = v; return this; }
        public Builder optTrainSubset(int v) { trainSubset = v; return this; }
        public Builder optTrainThreads(int v) { trainThreads = v; return this; }
        public Builder optTrainScaling(boolean v) { trainScaling = v; return this; }
        public Builder optTrainOverrides(List<String> v) { trainOverrides = v; return this; }
        public Builder optDataPath(boolean v) { dataPath = v; return this; }
        public Builder optAnchors(boolean v) { anchors = v; return this; }
        public Builder optAnchorPython(Path v) { anchorPython = v; return this; }
        public Builder optRequireQuiet(boolean v) { requireQuiet = v; return this; }
        public Builder optOutDir(Path v) { outDir = v; return this; }

        /**
         * Quick settings: three light models, batch 1, one thread, few iterations, one training
         * epoch on 512 images. Later setters still override these.
         */
        public Builder quick() {
            models = QUICK_MODELS;
            batchSizes = List.of(1);
            threads = List.of(1);
            warmup = 2;
            iterations = 10;
            trainEpochs = 1;
            trainSubset = 512;
            return this;
        }

        public BenchmarkOptions build() {
            return new BenchmarkOptions(models, batchSizes, threads, engines, precisions, warmup, iterations, repeats,
                    inputSize, inputChannels, smallInput != null ? smallInput : inputSize <= 64, classNum, trainEpochs,
                    dataset, trainSubset, trainThreads, trainScaling, trainOverrides, dataPath, anchors, anchorPython,
                    requireQuiet, outDir);
        }
    }
}
