package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jclas.config.Config;
import io.jclas.data.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImagesTest {
    @TempDir
    Path dir;

    @Test
    void grayAndRgbPixelsRoundTrip() {
        Image gray = new Image(new float[] {0, 127.6f, 300, -4}, 2, 2, 1);
        BufferedImage g = SampleImages.toBufferedImage(gray);
        assertEquals(128, g.getRaster().getSample(1, 0, 0));
        assertEquals(255, g.getRaster().getSample(0, 1, 0));
        assertEquals(0, g.getRaster().getSample(1, 1, 0));
        Image rgb = new Image(new float[] {10, 20, 30}, 1, 1, 3);
        assertEquals(10 << 16 | 20 << 8 | 30, SampleImages.toBufferedImage(rgb).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void writesOneTestImagePerClassOfFashionMnist() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "dataset-fashion-mnist missing");
        Config section = Config.fromYaml("name: FashionMNIST\nmode: test\n");
        List<Path> files = SampleImages.write(section, 3, dir);
        // the first test labels of Fashion-MNIST are 9 (Ankle boot), 2 (Pullover), 1 (Trouser)
        assertEquals(List.of(dir.resolve("00000_Ankle_boot.png"), dir.resolve("00001_Pullover.png"),
                dir.resolve("00002_Trouser.png")), files);
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        assertEquals(28, img.getWidth());
        assertEquals(28, img.getHeight());
    }
}
