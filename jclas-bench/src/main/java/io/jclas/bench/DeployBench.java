package io.jclas.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.jclas.analysis.ModelStats;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.ClassifierOptions;
import io.jclas.model.InferenceFiles;
import io.jclas.onnx.Exporter;
import io.jclas.onnx.OrtClassifier;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How much the {@link OrtClassifier} costs over bare ONNX Runtime. For one zoo model (random
 * weights: latency does not depend on them), batch 1 and 8, intra-op threads 1 and 2, it times
 * the median of
 * <ol>
 *   <li>bare ORT: {@code session.run} on a tensor prepared once;
 *   <li>the classifier's {@code predictBatch} on decoded images (preprocessing, tensor, run, top-5);
 *   <li>the classifier from an already preprocessed batch (tensor, run, top-5).
 * </ol>
 * Image decoding is excluded. The three are interleaved iteration by iteration so that a load
 * change on a shared machine hits them alike, and each is reported as wall-clock time and as CPU
 * time of the calling thread: on a busy machine the wall clock mostly measures waiting for a core,
 * while with one intra-op thread ORT computes on the calling thread, whose CPU time is then the
 * latency an idle core would give.
 *
 * <pre>{@code java -cp ... io.jclas.bench.DeployBench ResNet50_vd [iterations]}</pre>
 */
public final class DeployBench {
    private static final int[] BATCHES = {1, 8};
    private static final int[] THREADS = {1, 2};
    private static final int TOPK = 5;
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private DeployBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DeployBench <ModelName> [iterations (default 20)]");
            System.exit(2);
        }
        String name = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ModelInfo info = Models.info(name);
        int size = info.inputSize();
        Preprocessing preprocess = Preprocessing.defaults(info);
        Path dir = Files.createTempDirectory("jclas-deploybench");
        long macs;
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = Models.create(name);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
            macs = ModelStats.macs(net, 3, size, size);
            Exporter.export(net, name, preprocess, List.of(), dir);
        }
        List<BufferedImage> images = images(8);
        System.out.printf("%s  input %dx%d  %.3f GFLOPs (2 x MACs)  %d timed iterations after %d warm-up%n",
                name, size, size, 2.0 * macs / 1e9, iterations, Math.max(3, iterations / 5));
        List<String> wall = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        for (int threads : THREADS) {
            for (int batch : BATCHES) {
                double[][] ms = measure(dir, preprocess, images.subList(0, batch), threads, iterations);
                wall.add(row(batch, threads, ms[0], macs));
                cpu.add(row(batch, threads, ms[1], macs));
            }
        }
        print("Wall-clock medians", wall);
        print("Medians of the calling thread's CPU time (the whole work when threads = 1: ORT then runs on the"
                + " caller; with 2 threads it misses the worker's share)", cpu);
        for (String f : new String[] {InferenceFiles.MODEL, InferenceFiles.INFERENCE_YAML, InferenceFiles.LABELS}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.deleteIfExists(dir);
    }

    private static String row(int batch, int threads, double[] ms, long macs) {
        double gflops = 2.0 * macs * batch / (ms[0] / 1e3) / 1e9;
        return String.format("| %d | %d | %.2f | %.2f | %.3f | %.2f | %.3f | %.2f | %.1f |",
                batch, threads, ms[0], ms[1], ms[1] / ms[0], ms[2], ms[2] / ms[0], ms[3], gflops);
    }

    private static void print(String title, List<String> rows) {
        System.out.println();
        System.out.println(title);
        System.out.println("| batch | threads | bare ORT ms | classifier ms | ratio | classifier w/o preprocessing ms"
                + " | ratio | preprocessing ms | bare ORT GFLOP/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /**
     * Medians in ms of bare ORT, classifier, classifier without preprocessing, preprocessing alone:
     * [0] wall clock, [1] CPU time of the calling thread.
     */
    private static double[][] measure(Path dir, Preprocessing preprocess, List<BufferedImage> images, int threads,
            int iterations) throws OrtException {
        int n = images.size();
        int side = preprocess.inputSize();
        float[] prepared = preprocess.toBatch(images);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = OrtClassifier.sessionOptions(threads, "cpu");
                OrtSession bare = env.createSession(dir.resolve(InferenceFiles.MODEL).toString(), opts);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(prepared),
                        new long[] {n, preprocess.channels(), side, side});
                OrtClassifier classifier = OrtClassifier.open(dir, ClassifierOptions.defaults().withThreads(threads))) {
            String input = bare.getInputNames().iterator().next();
            int warmup = Math.max(3, iterations / 5);
            double[][] wall = new double[4][iterations];
            double[][] cpu = new double[4][iterations];
            long[] w = new long[5];
            long[] c = new long[5];
            for (int i = -warmup; i < iterations; i++) {
                stamp(w, c, 0);
                try (OrtSession.Result r = bare.run(Map.of(input, tensor))) {
                    consume(r);
                }
                stamp(w, c, 1);
                classifier.predictBatch(images, TOPK);
                stamp(w, c, 2);
                classifier.predictTensor(prepared, n, TOPK);
                stamp(w, c, 3);
                preprocess.toBatch(images);
                stamp(w, c, 4);
                for (int k = 0; k < 4 && i >= 0; k++) {
                    wall[k][i] = (w[k + 1] - w[k]) / 1e6;
                    cpu[k][i] = (c[k + 1] - c[k]) / 1e6;
                }
            }
            return new double[][] {medians(wall), medians(cpu)};
        }
    }

    private static void stamp(long[] wall, long[] cpu, int k) {
        wall[k] = System.nanoTime();
        cpu[k] = THREAD_CPU.getCurrentThreadCpuTime();
    }

    private static double[] medians(double[][] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = median(rows[k]);
        }
        return out;
    }
    /** Reads the output as the classifier does, so that both pay for getting the logits out. */
    private static void consume(OrtSession.Result r) throws OrtException {
        FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
        float[] logits = new float[out.remaining()];
        out.get(logits);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Decoded photos' stand-ins: 500x375 RGB (an ImageNet-typical size) with smooth random content. */
    private static List<BufferedImage> images(int n) {
        Random r = new Random(1);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(500, 375, BufferedImage.TYPE_3BYTE_BGR);
            int base = r.nextInt(0x1000000);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, base + x * 3 + y * 7 * 256 + r.nextInt(16));
                }
            }
            out.add(img);
        }
        return out;
    }
}
