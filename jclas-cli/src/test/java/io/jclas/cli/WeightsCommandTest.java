package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.pretrained.TorchvisionReference;
import io.jclas.pretrained.TorchvisionReference.Case;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jclas weights import}: a torchvision ResNet18 file becomes a checkpoint with ImageNet's
 * labels that predict opens, giving the same answer as predicting from the file itself, and that
 * export turns into an ONNX model with the same top-1; a damaged file is one error line and writes nothing.
 */
class WeightsCommandTest {
    private static final Case RESNET18 = TorchvisionReference.CASES.get(0);

    @TempDir
    Path dir;

    @Test
    void importWritesACheckpointThatPredictsLikeTheFile() throws Exception {
        TorchvisionReference.generate(dir, List.of(RESNET18));
        Path file = TorchvisionReference.file(dir, RESNET18);
        Path out = dir.resolve("imported");
        Run run = Run.of("weights", "import", file.toString(), "--arch", "ResNet18", "--out", out.toString(),
                "-o", "Global.image_shape=[3,64,64]");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("imported resnet18.pth (PyTorch zip): filled 107 of 107 parameters\n"), run.out());
        assertTrue(run.out().contains("set to the identity (the file's architecture has no such layer): "
                + "features_blocks_0_short_conv\n"), run.out());
        List<String> labels = Files.readAllLines(out.resolve("labels.txt"));
        assertEquals(1000, labels.size());
        assertEquals("tench", labels.get(0));
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("resize_short: 73"), "64 / 0.875 = 73");

        Path image = dir.resolve("image.png");
        BufferedImage img = new BufferedImage(80, 70, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 70; y++) {
            for (int x = 0; x < 80; x++) {
                img.setRGB(x, y, (x * 3) << 16 | (y * 3) << 8 | ((x + y) % 256));
            }
        }
        ImageIO.write(img, "png", image.toFile());
        Run fromCheckpoint = Run.of("predict", "--model", out.toString(), "--topk", "2", image.toString());
        Run fromFile = Run.of("predict", "--model", file.toString(), "-o", "Arch.name=ResNet18",
                "-o", "Global.image_shape=[3,64,64]", "--topk", "2", image.toString());
        assertEquals(0, fromCheckpoint.code(), fromCheckpoint.err());
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(fromCheckpoint.out(), fromFile.out());
        assertTrue(labels.stream().anyMatch(l -> fromCheckpoint.out().contains(l)), fromCheckpoint.out());

        Path inference = dir.resolve("inference");
        Run export = Run.of("export", "--model", file.toString(), "-o", "Arch.name=ResNet18",
                "-o", "Global.image_shape=[3,64,64]", "--out", inference.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(labels, Files.readAllLines(inference.resolve("labels.txt")));
        Run fromOnnx = Run.of("predict", "--model", inference.toString(), "--topk", "1", image.toString());
        assertEquals(0, fromOnnx.code(), fromOnnx.err());
        assertEquals(topLabel(fromCheckpoint.out()), topLabel(fromOnnx.out()), fromCheckpoint.out() + fromOnnx.out());
    }

    /** The first label of a predict line {@code path:  label score  label score ...}. */
    private static String topLabel(String predictOutput) {
        return predictOutput.lines().findFirst().orElseThrow().split("  ")[1].replaceAll(" [0-9.]+$", "");
    }

    @Test
    void aTruncatedFileIsOneErrorLineAndWritesNothing() throws Exception {
        Path file = dir.resolve("broken.pth");
        Files.write(file, new byte[] {(byte) 0x80, 2, '}', 'q', 0});
        Path out = dir.resolve("imported");
        Run run = Run.of("weights", "import", file.toString(), "--arch", "ResNet18", "--out", out.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: cannot read weight file " + file), run.err());
        assertEquals(2, run.err().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void predictingFromAFileWithoutArchNameSaysWhatIsMissing() throws Exception {
        Path file = dir.resolve("weights.pth");
        Files.write(file, new byte[] {(byte) 0x80, 2, '}', '.'});
        Run run = Run.of("predict", "--model", file.toString(), file.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: " + file + " is a foreign weight file; importing it needs Arch.name"),
                run.err());
    }
}
