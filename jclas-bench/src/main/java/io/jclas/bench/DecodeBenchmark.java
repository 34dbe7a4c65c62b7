package io.jclas.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.ClassifierOptions;
import io.jclas.model.InferenceFiles;
import io.jclas.onnx.Exporter;
import io.jclas.onnx.OrtClassifier;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The decoding anchor and end-to-end inference on one JPEG (a synthetic 500x375 photo unless a file is
 * given), batch 1, one thread
 * ({@code jclas benchmark decode}):
 * <ol>
 *   <li>decode + preprocess: jclas (ImageDecoding with this JVM's decoder, then the registry's eval
 *       preprocessing of ShuffleNetV2_x1_0: short side 256, crop 224, ImageNet mean/std), the
 *       preprocessing alone, and jclas with its OpenCV decoder, against OpenCV's imdecode + bilinear
 *       resize + centre crop;
 *   <li>for each model, jclas end to end ({@code Classifier.predict} on the JPEG bytes: decode,
 *       preprocessing, ONNX Runtime, top-5; and the same with the OpenCV decoder) against raw ONNX
 *       Runtime on a prepared tensor plus OpenCV's decode/resize time.
 * </ol>
 * Every contender runs in turn within each iteration, so that a load change hits them alike.
 */
public final class DecodeBenchmark {
    /** The models the issue names: small, mid-size and large at 224. */
    public static final List<String> DEFAULT_MODELS = List.of("ShuffleNetV2_x1_0", "MobileNetV3_large_x1_0", "ResNet50_vd");
    /** Whose registry preprocessing the decoding part measures (the ImageNet 256/224 one). */
    private static final String REFERENCE = "ShuffleNetV2_x1_0";
    private static final int TOPK = 5;

    /**
     * What was measured (medians, ms).
     *
     * @param opencv the OpenCV version, or null when the anchor did not run
     * @param decoder the decoder of ImageDecoding in this JVM, in words
     * @param jpegBytes size of the test photo
     * @param imageioDecodeMs ImageDecoding.decode alone
     * @param opencvDecodeMs OpenCV's imdecode alone; NaN without OpenCV
     * @param preprocessMs the preprocessing alone, from the decoded image to the input tensor
     * @param jclasDecodePreprocessMs decode and the preprocessing to the input tensor
     * @param jclasOpenCvDecodePreprocessMs the same with jclas's OpenCV decoder; NaN without OpenCV
     * @param opencvDecodeResizeMs OpenCV decode, resize and crop; NaN without OpenCV
     * @param models one end-to-end row per model
     */
    public record Result(String opencv, String decoder, int jpegBytes, double imageioDecodeMs, double opencvDecodeMs,
            double preprocessMs, double jclasDecodePreprocessMs, double jclasOpenCvDecodePreprocessMs,
            double opencvDecodeResizeMs, List<EndToEnd> models) {

        /** jclas's decode + preprocess over OpenCV's decode + resize; NaN without OpenCV. */
        public double decodeRatio() {
            return jclasDecodePreprocessMs / opencvDecodeResizeMs;
        }
    }

    /**
     * End to end for one model.
     *
     * @param jclasMs Classifier.predict on the JPEG bytes
     * @param jclasOpenCvMs the same decoding through jclas's OpenCV decoder; NaN without OpenCV
     * @param rawOrtMs a bare ONNX Runtime session on the prepared tensor
     * @param opencvMs OpenCV's decode + resize in the same iterations; NaN without OpenCV
     */
    public record EndToEnd(String model, double jclasMs, double jclasOpenCvMs, double rawOrtMs, double opencvMs) {
        /** jclas / (raw ORT + OpenCV decode/resize); without OpenCV, jclas / raw ORT. */
        public double ratio() {
            return jclasMs / anchorMs();
        }

        /** jclas with its OpenCV decoder / (raw ORT + OpenCV decode/resize); NaN without OpenCV. */
        public double openCvRatio() {
            return jclasOpenCvMs / anchorMs();
        }

        private double anchorMs() {
            return rawOrtMs + (Double.isNaN(opencvMs) ? 0 : opencvMs);
        }
    }

    private DecodeBenchmark() {}

    /**
     * Runs both parts.
     *
     * @param image a JPEG (or PNG) file to decode; null: a synthetic 500x375 photo
     * @param opencvJar org.openpnp:opencv's jar; null looks in the local Maven repository, then the class path
     * @param out one line per finding
     */
    public static Result run(List<String> models, int warmup, int iterations, Path image, Path opencvJar,
            Consumer<String> out) {
        if (iterations < 1 || warmup < 0) {
            throw new JclasException("iterations must be at least 1 and warm-up at least 0, got " + iterations + " and "
                    + warmup, "use e.g. --iterations 50 --warmup 5");
        }
        models.forEach(Models::info); // unknown names fail before any work
        byte[] jpeg = image == null ? SyntheticPhotos.encode(SyntheticPhotos.images(1).get(0), "jpg") : read(image);
        BufferedImage decoded = ImageDecoding.decode(jpeg); // a damaged file fails here, before any timing
        ModelInfo reference = Models.info(REFERENCE);
        Preprocessing spec = Preprocessing.defaults(reference);
        OpenCvDecoder opencv = openCv(opencvJar, out);
        List<ForwardRunner> decoders = new ArrayList<>(List.of(ForwardRunner.of(() -> ImageDecoding.decode(jpeg)),
                ForwardRunner.of(() -> spec.toTensor(decoded)), ForwardRunner.of(() -> spec.toTensor(ImageDecoding.decode(jpeg)))));
        if (opencv != null) {
            decoders.add(ForwardRunner.of(() -> opencv.decode(jpeg)));
            decoders.add(ForwardRunner.of(() -> opencv.decodeResizeCrop(jpeg, reference.resizeShort(),
                    reference.inputSize())));
            decoders.add(ForwardRunner.of(() -> spec.toTensor(jclasOpenCv(jpeg, opencv))));
        }
        double[] ms = medians(LatencyMeter.interleaved(decoders, warmup, iterations));
        double cvDecode = opencv == null ? Double.NaN : ms[3];
        double cv = opencv == null ? Double.NaN : ms[4];
        double jclasCv = opencv == null ? Double.NaN : ms[5];
        out.accept("jclas decodes with " + ImageDecoding.decoder());
        out.accept(String.format(Locale.ROOT, "%dx%d image (%d bytes): decode jclas %.2f ms, OpenCV %.2f ms "
                + "(jclas/OpenCV %.2f); preprocessing alone %.3f ms; decode + preprocess jclas %.2f ms, with its OpenCV "
                + "decoder %.2f ms, OpenCV decode + resize %.2f ms (jclas/OpenCV %.2f, with its OpenCV decoder %.2f)",
                decoded.getWidth(), decoded.getHeight(), jpeg.length, ms[0], cvDecode, ms[0] / cvDecode, ms[1], ms[2],
                jclasCv, cv, ms[2] / cv, jclasCv / cv));
        List<EndToEnd> rows = new ArrayList<>();
        for (String model : models) {
            EndToEnd row = endToEnd(Models.info(model), jpeg, opencv, warmup, iterations);
            out.accept(String.format(Locale.ROOT, "%s end to end, batch 1, 1 thread: jclas %.2f ms (with its OpenCV "
                    + "decoder %.2f ms), raw ORT %.2f ms + OpenCV %.2f ms, jclas/anchor %.2f (with its OpenCV decoder %.2f)",
                    model, row.jclasMs(), row.jclasOpenCvMs(), row.rawOrtMs(), row.opencvMs(), row.ratio(),
                    row.openCvRatio()));
            rows.add(row);
        }
        return new Result(opencv == null ? null : opencv.version(), ImageDecoding.decoder(), jpeg.length, ms[0],
                cvDecode, ms[1], ms[2], jclasCv, cv, rows);
    }

    /** jclas's decoding with the OpenCV decoder, as {@code -Djclas.decoder=opencv} gives it. */
    private static BufferedImage jclasOpenCv(byte[] jpeg, OpenCvDecoder opencv) {
        return ImageDecoding.decode(jpeg, ImageDecoding.DEFAULT_MAX_PIXELS, opencv.library());
    }

    private static EndToEnd endToEnd(ModelInfo info, byte[] jpeg, OpenCvDecoder opencv, int warmup, int iterations) {
        String model = info.name();
        int size = info.inputSize();
        Preprocessing spec = Preprocessing.defaults(info);
        Path dir = tempDir();
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = Models.create(model);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
            Exporter.export(net, model, spec, List.of(), dir);
            float[] tensor = spec.toTensor(ImageDecoding.decode(jpeg));
            try (OrtClassifier classifier = OrtClassifier.open(dir, ClassifierOptions.defaults().withThreads(1));
                    OrtRunner raw = new OrtRunner(dir.resolve(InferenceFiles.MODEL), 1, tensor,
                            new long[] {1, 3, size, size})) {
                List<ForwardRunner> runners = new ArrayList<>(List.of(
                        ForwardRunner.of(() -> classifier.predict(jpeg, TOPK)), raw));
                if (opencv != null) {
                    runners.add(ForwardRunner.of(() -> opencv.decodeResizeCrop(jpeg, info.resizeShort(), size)));
                    runners.add(ForwardRunner.of(() -> classifier.predict(jclasOpenCv(jpeg, opencv), TOPK)));
                }
                double[] ms = medians(LatencyMeter.interleaved(runners, warmup, iterations));
                return opencv == null ? new EndToEnd(model, ms[0], Double.NaN, ms[1], Double.NaN)
                        : new EndToEnd(model, ms[0], ms[3], ms[1], ms[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open " + model + ": " + e.getMessage(), e);
        } finally {
            Benchmark.deleteTree(dir);
        }
    }

    /** OpenCV, or null with a line saying why the anchor is skipped. */
    private static OpenCvDecoder openCv(Path jar, Consumer<String> out) {
        try {
            // OpenCV on the class path (where jclas decodes with it too) is loaded once, not again from ~/.m2:
            // its native library cannot be loaded by two class loaders
            OpenCvDecoder cv = OpenCvDecoder.load(jar != null ? jar : onClassPath() ? null : localMavenJar());
            out.accept("decoding anchor: OpenCV " + cv.version());
            return cv;
        } catch (IllegalStateException e) {
            out.accept("decoding anchor skipped: " + e.getMessage()
                    + " (mvn dependency:get -Dartifact=org.openpnp:opencv:4.9.0-0, or --opencv-jar)");
            return null;
        }
    }

    private static boolean onClassPath() {
        return DecodeBenchmark.class.getClassLoader().getResource("nu/pattern/OpenCV.class") != null;
    }

    /** The newest org.openpnp:opencv jar in ~/.m2, null when there is none (then the class path is tried). */
    static Path localMavenJar() {
        Path dir = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "openpnp", "opencv");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.map(v -> v.resolve("opencv-" + v.getFileName() + ".jar")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static byte[] read(Path image) {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw new JclasException("cannot read " + image + ": " + e.getMessage(), "give the path of a JPEG or PNG file");
        }
    }

    private static double[] medians(double[][] ms) {
        double[] out = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            out[i] = Percentiles.median(ms[i]);
        }
        return out;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("jclas-decode-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder", e);
        }
    }
}
