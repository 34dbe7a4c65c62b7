package io.jclas.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Stand-ins for decoded photos: 500x375 RGB (an ImageNet-typical size) with smooth random content. */
final class SyntheticPhotos {
    static final int WIDTH = 500;
    static final int HEIGHT = 375;

    private SyntheticPhotos() {}

    /** {@code n} reproducible photos. */
    static List<BufferedImage> images(int n) {
        Random r = new Random(1);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
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

    /** The image encoded in {@code format} ("jpg", "png") by ImageIO at its default quality. */
    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("ImageIO has no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
