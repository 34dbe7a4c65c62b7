package io.jclas.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inference memory of one model, measured in a fresh JVM so that memory kept by earlier models
 * (allocator caches, JIT, engine pools) does not hide it: the child loads the engine, takes an idle
 * RSS baseline, builds the model, runs batch-1 forwards on one thread and reports the highest RSS
 * seen above the baseline.
 */
public final class MemoryProbe {
    private static final int FORWARDS = 3;
    private static final String PREFIX = "rss-bytes ";
    private static final long TIMEOUT_MINUTES = 5;

    private MemoryProbe() {}

    /**
     * Runs the probe for {@code model} on {@code engine} in a child JVM with this JVM's class path.
     *
     * @param onnxFile the exported model, used by the onnxruntime engine
     * @return bytes above the idle baseline
     * @throws IllegalStateException when the child fails; the message carries its last output line
     */
    public static long measure(String model, BenchmarkOptions o, InferenceEngine engine, Path onnxFile) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(),
                engine.id(), model, Integer.toString(o.inputSize()), Integer.toString(o.inputChannels()),
                Integer.toString(o.classNum()), Boolean.toString(o.smallInput()),
                onnxFile == null ? "-" : onnxFile.toString()));
        String out = ChildProcess.run(cmd, "the memory probe", TIMEOUT_MINUTES);
        return out.lines().filter(l -> l.startsWith(PREFIX)).map(l -> Long.parseLong(l.substring(PREFIX.length())))
                .findFirst().orElseThrow(() -> new IllegalStateException("memory probe gave no result: "
                        + ChildProcess.lastLine(out)));
    }

    /** Child entry: engine model size channels classNum smallInput onnxFile|-. Prints "rss-bytes N". */
    public static void main(String[] args) throws OrtException {
        InferenceEngine engine = InferenceEngine.of(args[0]);
        String model = args[1];
        int size = Integer.parseInt(args[2]);
        int channels = Integer.parseInt(args[3]);
        int classNum = Integer.parseInt(args[4]);
        boolean small = Boolean.parseBoolean(args[5]);
        float[] input = randomInput(channels * size * size, 0);
        long peak;
        long baseline;
        if (engine == InferenceEngine.PYTORCH) {
            PytorchThreads.set(1);
            try (NDManager manager = NDManager.newBaseManager()) {
                manager.ones(new Shape(1)).close(); // native library and allocator up before the baseline
                baseline = idleRss();
                Network net = Models.create(model, Benchmark.modelOptions(classNum, channels, size, small));
                Shape shape = new Shape(1, channels, size, size);
                net.initialize(manager, DataType.FLOAT32, shape);
                peak = runAndWatch(new PytorchRunner(net, manager, input, shape));
            }
        } else {
            OrtRunner.version(); // environment up before the baseline
            baseline = idleRss();
            peak = runAndWatch(new OrtRunner(Path.of(args[6]), 1, input, new long[] {1, channels, size, size}));
        }
        System.out.println(PREFIX + Math.max(0, peak - baseline));
    }

    private static long idleRss() {
        System.gc();
        return ProcessMemory.rssBytes();
    }

    private static long runAndWatch(ForwardRunner runner) {
        long peak = ProcessMemory.rssBytes();
        try (runner) {
            for (int i = 0; i < FORWARDS; i++) {
                runner.forward();
                peak = Math.max(peak, ProcessMemory.rssBytes());
            }
        }
        return peak;
    }

    /** A reproducible input batch of {@code n} floats, roughly normalised pixels. */
    public static float[] randomInput(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
