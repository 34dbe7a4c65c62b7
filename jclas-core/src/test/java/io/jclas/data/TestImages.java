package io.jclas.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small synthetic images for the data tests. */
final class TestImages {
    private TestImages() {}

    /** An RGB image whose pixel (x, y) is (x*20 + seed, y*20, (x+y)*10) mod 256. */
    static BufferedImage rgb(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 20 + seed) & 0xff;
                int g = (y * 20) & 0xff;
                int b = ((x + y) * 10) & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writePng(Path file, BufferedImage img) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, encode(img, "png"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
