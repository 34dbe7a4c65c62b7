package io.jclas.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jclas.config.Config;
import io.jclas.model.Architecture;
import io.jclas.zoo.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reference files made by the real torchvision: {@code torchvision_reference.py} (this package's
 * test resources) run by Debian's {@code /usr/bin/python3} with python3-torch and
 * python3-torchvision. Tests that need them call {@link #generate}, which skips the test (JUnit
 * assumption, with the reason) where those packages are not installed. Shared with jclas-onnx and
 * jclas-cli through the test jar.
 */
public final class TorchvisionReference {
    /** Debian's interpreter: the one python3-torch installs into, not whatever python3 is first on PATH. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "torchvision_reference.py";
    private static final int BATCH = 2;
    private static final int CLASSES = 1000;
    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    /**
     * One model: torchvision's builder name, the jclas zoo name, the input side, how the file is
     * written ({@code ""} torch's zip format, {@code "legacy"} the pre-1.6 format, {@code
     * "wrongshape"} with one tensor cut: a damaged file), and the jclas variant to build.
     */
    public record Case(String torchvision, String jclas, int size, String file, Variant variant) {
        public Case(String torchvision, String jclas, int size, boolean legacy) {
            this(torchvision, jclas, size, legacy ? "legacy" : "", Variant.PADDLECLAS);
        }

        /** A model that PaddleClas defines differently, imported into jclas's torchvision variant. */
        static Case torchvisionVariant(String torchvision, String jclas, int size) {
            return new Case(torchvision, jclas, size, "", Variant.TORCHVISION);
        }

        public Case withWrongShape() {
            return new Case(torchvision, jclas, size, "wrongshape", variant);
        }

        public boolean legacy() {
            return file.equals("legacy");
        }

        /** The jclas network of this case: {@code classNum} classes, {@code channels} input channels. */
        public Architecture architecture(int classNum, int channels) {
            return new Architecture(jclas, classNum, false, new int[] {channels, size, size}, variant);
        }

        /** The config of {@link #architecture} with 1000 classes and RGB input. */
        public Config config() {
            return TorchvisionReference.config(jclas, size).set("Arch.variant", variant.configName());
        }

        String spec() {
            return torchvision + ":" + size + (file.isEmpty() ? "" : ":" + file);
        }

        String stem() {
            return torchvision + (file.isEmpty() ? "" : "_" + file);
        }

        @Override
        public String toString() {
            return jclas + (file.isEmpty() ? "" : " (" + file + " file)")
                    + (variant == Variant.TORCHVISION ? " (Arch.variant torchvision)" : "");
        }
    }

    /**
     * Every torchvision model jclas imports, at small inputs (ResNet101/152 at 32 to keep the test
     * short; AlexNet's fixed 9216-wide fc6 needs 223 to 254).
     */
    public static final List<Case> CASES = List.of(
            new Case("resnet18", "ResNet18", 64, false),
            new Case("resnet18", "ResNet18", 64, true),
            new Case("resnet34", "ResNet34", 64, false),
            new Case("resnet50", "ResNet50", 64, false),
            new Case("resnet101", "ResNet101", 32, false),
            new Case("resnet152", "ResNet152", 32, false),
            new Case("shufflenet_v2_x0_5", "ShuffleNetV2_x0_5", 64, false),
            new Case("shufflenet_v2_x1_0", "ShuffleNetV2_x1_0", 64, false),
            new Case("shufflenet_v2_x1_5", "ShuffleNetV2_x1_5", 64, false),
            new Case("shufflenet_v2_x2_0", "ShuffleNetV2_x2_0", 64, false),
            new Case("mobilenet_v2", "MobileNetV2", 64, false),
            Case.torchvisionVariant("squeezenet1_0", "SqueezeNet1_0", 64),
            Case.torchvisionVariant("squeezenet1_1", "SqueezeNet1_1", 64),
            Case.torchvisionVariant("alexnet", "AlexNet", 224));

    private TorchvisionReference() {}

    /** Skips the calling test, with the reason, unless /usr/bin/python3 imports torch and torchvision. */
    public static void assumeTorchvision() {
        assumeImports("torch, torchvision", "python3-torch and python3-torchvision");
    }

    /** Skips the calling test, with the reason, unless /usr/bin/python3 imports {@code modules}. */
    public static void assumeImports(String modules, String debianPackages) {
        assumeTrue(AVAILABLE.computeIfAbsent(modules, m -> runs(List.of(PYTHON.toString(), "-c", "import " + m))),
                "skipped: " + PYTHON + " cannot import " + modules + "; install Debian's " + debianPackages
                        + " (.ci/run does)");
    }

    /** Writes the reference files of {@code cases} into {@code dir} (skipping the test without torchvision). */
    public static Path generate(Path dir, List<Case> cases) throws IOException, InterruptedException {
        assumeTorchvision();
        run(SCRIPT, dir, cases.stream().map(Case::spec).toList());
        return dir;
    }

    /**
     * The small files of {@code format_cases.py} in {@code dir}: the {@code .pdparams} (needs numpy),
     * and with {@code torch} the {@code .pth} too; skips the test where those do not import.
     */
    public static void formatCases(Path dir, boolean torch) throws IOException, InterruptedException {
        if (torch) {
            assumeImports("numpy, torch", "python3-numpy and python3-torch");
        } else {
            assumeImports("numpy", "python3-numpy");
        }
        run("format_cases.py", dir, torch ? List.of("torch") : List.of());
    }

    /** Runs a Python script of this package's test resources with {@code dir} and {@code args}; fails with its output. */
    static void run(String script, Path dir, List<String> args) throws IOException, InterruptedException {
        Path copy = dir.resolve(script);
        try (InputStream in = TorchvisionReference.class.getResourceAsStream(script)) {
            Files.write(copy, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), copy.toString(), dir.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), script + " failed:\n" + output);
    }

    /** The config of a model of {@code arch} for {@code size} x {@code size} RGB images, 1000 classes. */
    public static Config config(String arch, int size) {
        return Config.empty().set("Arch.name", arch).set("Global.image_shape", List.of(3, size, size));
    }

    /** The state dict file of a case. */
    public static Path file(Path dir, Case c) {
        return dir.resolve(c.stem() + ".pth");
    }

    /** The fixed input of a case, [2, 3, size, size]. */
    public static float[] input(Path dir, Case c) throws IOException {
        return floats(dir.resolve(c.stem() + ".input.f32"), BATCH * 3 * c.size() * c.size());
    }

    /** torchvision's logits on the input, [2, 1000]. */
    public static float[] logits(Path dir, Case c) throws IOException {
        return floats(dir.resolve(c.stem() + ".logits.f32"), BATCH * CLASSES);
    }

    public static long[] inputShape(Case c) {
        return new long[] {BATCH, 3, c.size(), c.size()};
    }

    /** The largest |a - b| over the largest |reference|: the difference relative to the logit scale. */
    public static double relativeMaxDiff(float[] actual, float[] reference) {
        assertEquals(reference.length, actual.length, "logit count");
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < reference.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return diff / scale;
    }

    private static float[] floats(Path file, int count) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        assertEquals(count * Float.BYTES, raw.length, file + " size");
        float[] out = new float[count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static boolean runs(List<String> command) {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
