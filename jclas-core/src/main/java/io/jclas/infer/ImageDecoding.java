package io.jclas.infer;

import io.jclas.JclasException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The one image decoder of jclas (PaddleClas's DecodeImage). */
public final class ImageDecoding {
    private ImageDecoding() {}

    public static BufferedImage decode(byte[] encoded) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded));
            if (img == null) {
                throw new JclasException("not an image (PNG, JPEG, BMP or GIF expected)", "send the file's bytes");
            }
            return img;
        } catch (IOException e) {
            throw new JclasException("cannot decode image: " + e.getMessage(), "the file is truncated or damaged", e);
        }
    }

    public static BufferedImage read(Path file) {
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new JclasException("cannot read image " + file, "check the path", e);
        }
    }
}
