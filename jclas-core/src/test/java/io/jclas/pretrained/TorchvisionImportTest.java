package io.jclas.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.model.Architecture;
import io.jclas.pretrained.TorchvisionReference.Case;
import io.jclas.zoo.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Equivalence with the real torchvision: each model built by torchvision with random weights and
 * random BatchNorm statistics, saved by {@code torch.save}, imported into the jclas model, gives
 * torchvision's logits within 1e-4 of the logit scale on the PyTorch engine. Skipped, with the
 * reason, where Debian's python3-torch/python3-torchvision are not installed.
 */
class TorchvisionImportTest {
    private static final double TOLERANCE = 1e-4;

    /** A ResNet18 file whose layer1.0.conv1.weight lost a kernel column. */
    private static final Case WRONG_SHAPE = new Case("resnet18", "ResNet18", 64, false).withWrongShape();

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        List<Case> all = new ArrayList<>(TorchvisionReference.CASES);
        all.add(WRONG_SHAPE);
        TorchvisionReference.generate(dir, all);
    }

    static Stream<Case> cases() {
        return TorchvisionReference.CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void importedModelGivesTorchvisionsLogits(Case c) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Architecture arch = c.architecture(1000, 3);
            Network net = arch.build(m);
            ImportReport report = PretrainedWeights.load(net, arch, TorchvisionReference.file(dir, c), true);
            assertEquals(report.total(), report.filled(), "every jclas parameter filled");
            assertTrue(report.missing().isEmpty() && report.unexpected().isEmpty() && report.recreated().isEmpty());
            NDArray x = m.create(TorchvisionReference.input(dir, c), new Shape(TorchvisionReference.inputShape(c)));
            float[] logits = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            double diff = TorchvisionReference.relativeMaxDiff(logits, TorchvisionReference.logits(dir, c));
            System.out.printf(Locale.ROOT, "torchvision %s on PyTorch: max |diff| / logit scale = %.2e%n", c, diff);
            assertTrue(diff <= TOLERANCE, c + ": max difference " + diff + " of the logit scale");
        }
    }

    @Test
    void anotherClassCountRecreatesTheClassifierAndSaysSo() throws Exception {
        Case c = TorchvisionReference.CASES.get(0);
        try (NDManager m = NDManager.newBaseManager()) {
            Architecture arch = c.architecture(7, 3);
            Network net = arch.build(m);
            float[] initialFc = net.head().getParameters().get(0).getValue().getArray().toFloatArray();
            ImportReport report = PretrainedWeights.load(net, arch, TorchvisionReference.file(dir, c), true);
            assertEquals(List.of("fc.weight", "fc.bias"), report.recreated());
            assertEquals(report.total() - 2, report.filled());
            assertArrayEquals(initialFc, net.head().getParameters().get(0).getValue().getArray().toFloatArray());
            assertTrue(report.lines().stream().anyMatch(l -> l.contains("re-created") && l.contains("fc.weight, fc.bias")),
                    report.lines().toString());
        }
    }

    @Test
    void oneInputChannelSumsTheStemOverRgb() throws Exception {
        Case c = TorchvisionReference.CASES.get(0);
        StateDict file = io.jclas.pretrained.format.WeightFiles.read(TorchvisionReference.file(dir, c));
        try (NDManager m = NDManager.newBaseManager()) {
            Architecture arch = c.architecture(1000, 1);
            Network net = arch.build(m);
            ImportReport report = PretrainedWeights.load(net, arch, TorchvisionReference.file(dir, c), true);
            assertEquals("conv1.weight", report.summedOverRgb());
            float[] rgb = file.get("conv1.weight").values();
            float[] gray = ParameterPaths.of(net).get(0).parameter().getArray().toFloatArray();
            int kernel = 7 * 7;
            for (int o : new int[] {0, 31, 63}) {
                for (int k : new int[] {0, 24, 48}) {
                    float sum = rgb[(o * 3) * kernel + k] + rgb[(o * 3 + 1) * kernel + k] + rgb[(o * 3 + 2) * kernel + k];
                    assertEquals(sum, gray[o * kernel + k], 1e-6f);
                }
            }
        }
    }

    @Test
    void aFileOfAnotherArchitectureFailsListingTheKeysAndWritesNothing() {
        Case resnet18 = TorchvisionReference.CASES.get(0);
        Case resnet34 = TorchvisionReference.CASES.get(2);
        Path out = dir.resolve("resnet34-as-resnet18");
        JclasException written = assertThrows(JclasException.class, () -> PretrainedWeights.writeCheckpoint(
                TorchvisionReference.file(dir, resnet34), resnet18.config(), out));
        assertTrue(written.getMessage().contains("do not fit ResNet18"), written.getMessage());
        assertFalse(Files.exists(out));
        try (NDManager m = NDManager.newBaseManager()) {
            Architecture arch = resnet18.architecture(1000, 3);
            Network net = arch.build(m);
            JclasException e = assertThrows(JclasException.class,
                    () -> PretrainedWeights.load(net, arch, TorchvisionReference.file(dir, resnet34), true));
            assertTrue(e.getMessage().contains("do not fit ResNet18") && e.getMessage().contains("unexpected: layer1.2."),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            ImportReport loose = PretrainedWeights.load(net, arch, TorchvisionReference.file(dir, resnet34), false);
            assertEquals(loose.total(), loose.filled());
            assertFalse(loose.unexpected().isEmpty());
        }
    }

    @Test
    void aWrongShapedTensorFailsAndWritesNothing() {
        Path out = dir.resolve("wrong-shape-checkpoint");
        JclasException e = assertThrows(JclasException.class, () -> PretrainedWeights.writeCheckpoint(
                TorchvisionReference.file(dir, WRONG_SHAPE), WRONG_SHAPE.config(), out));
        assertTrue(e.getMessage().contains("layer1.0.conv1.weight [64, 64, 3, 2] for [64, 64, 3, 3]"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void torchvisionWeightsIntoPaddleClassSqueezeNetAreRefusedInOneLine() {
        Case squeezenet = TorchvisionReference.CASES.stream().filter(c -> c.jclas().equals("SqueezeNet1_1"))
                .findFirst().orElseThrow();
        try (NDManager m = NDManager.newBaseManager()) {
            Architecture paddle = new Architecture("SqueezeNet1_1", 1000, false, new int[] {3, 64, 64});
            Network net = paddle.build(m);
            JclasException e = assertThrows(JclasException.class,
                    () -> PretrainedWeights.load(net, paddle, TorchvisionReference.file(dir, squeezenet), true));
            assertTrue(e.getMessage().startsWith("SqueezeNet1_1 is built as PaddleClas defines it, not torchvision"),
                    e.getMessage());
            assertTrue(e.getHint().contains("Arch.variant: torchvision"), e.getHint());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
