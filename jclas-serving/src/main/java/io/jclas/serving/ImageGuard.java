package io.jclas.serving;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes. The pixel count is read from the header first so that a small
 * file declaring a huge canvas (a decompression bomb) is refused before any pixel memory is taken.
 */
final class ImageGuard {
    private ImageGuard() {}

    /**
     * @param what names the image in error messages ("image", "image 3")
     * @throws ServingException 400 for empty, non-image or damaged bytes, 413 for too many pixels
     */
    static BufferedImage decode(byte[] bytes, long maxPixels, String what) {
        if (bytes.length == 0) {
            throw new ServingException(400, what + " is empty", "send the image file's bytes");
        }
        checkPixels(bytes, maxPixels, what);
        try {
            return ImageDecoding.decode(bytes);
        } catch (JclasException e) {
            throw new ServingException(400, what + ": " + e.getMessage(), e.getHint());
        } catch (RuntimeException e) {
            // Some ImageIO decoders throw unchecked exceptions on damaged data.
            throw new ServingException(400, what + ": cannot decode image (" + e.getClass().getSimpleName() + ")",
                    "the file is truncated or damaged");
        }
    }

    private static void checkPixels(byte[] bytes, long maxPixels, String what) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ServingException(400, what + " is not an image (PNG, JPEG, BMP or GIF expected)",
                        "send the image file's bytes, not a path or text");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ServingException(400, what + " declares an empty canvas " + width + "x" + height,
                            "the file is damaged");
                }
                if (width * height > maxPixels) {
                    throw new ServingException(413, what + " is " + width + "x" + height + " = "
                            + width * height + " pixels, more than the limit of " + maxPixels,
                            "downscale the image before sending it (the model resizes it anyway)");
                }
            } finally {
                reader.dispose();
            }
        } catch (ServingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ServingException(400, what + ": cannot read the image header", "the file is truncated or damaged");
        }
    }
}
