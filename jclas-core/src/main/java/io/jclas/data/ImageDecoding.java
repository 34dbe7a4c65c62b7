package io.jclas.data;

import io.jclas.JclasException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * The one image decoder of jclas (the file-reading half of PaddleClas's DecodeImage), which training,
 * evaluation, the classifiers, the server and Spark all call: 8-bit grayscale and RGB PNGs through
 * {@link PngDecoder} (the same pixels as ImageIO, without its per-image overhead), other PNGs, JPEG, BMP
 * and GIF (first frame) through ImageIO, or JPEG and PNG through OpenCV's libjpeg-turbo and libpng where
 * {@code -Djclas.decoder} picks it ({@link DecoderChoice}). Either way the header is read first so that images of more than
 * {@code maxPixels} pixels are refused before any pixel memory is allocated (decompression bombs);
 * truncated or damaged files are refused instead of being returned half grey; grayscale stays 1 channel,
 * EXIF orientation is ignored, and the pixels come as a Java image whose samples {@link PixelRows} reads.
 */
public final class ImageDecoding {
    /** The default pixel limit: 64 megapixels (an 8k×8k photo). */
    public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;
    private static final String TRUNCATED = "the file is truncated or damaged; send the complete file";

    private ImageDecoding() {}

    /** Decodes with the default pixel limit. */
    public static BufferedImage decode(byte[] encoded) {
        return decode(encoded, DEFAULT_MAX_PIXELS);
    }

    /** Decodes an encoded image, refusing images with more than {@code maxPixels} pixels. */
    public static BufferedImage decode(byte[] encoded, long maxPixels) {
        return decode(encoded, maxPixels, DecoderChoice.current().opencv);
    }

    /** Which decoder this JVM uses, in words (for logs and benchmark reports). */
    public static String decoder() {
        return DecoderChoice.current().description;
    }

    /**
     * Decodes through {@code opencv} where it reads the file as ImageIO would (JPEG, PNG), else, or when it is
     * null, through ImageIO: what {@link #decode(byte[], long)} does with this JVM's choice.
     */
    public static BufferedImage decode(byte[] encoded, long maxPixels, OpenCv opencv) {
        if (encoded == null || encoded.length == 0) {
            throw new JclasException("empty image data", "send the bytes of a PNG, JPEG, BMP or GIF file");
        }
        BufferedImage png = PngDecoder.decode(encoded, (w, h) -> requireSize(w, h, maxPixels));
        if (png != null) {
            return png;
        }
        EncodedHeader header = opencv == null ? null : EncodedHeader.of(encoded);
        if (header != null && header.plain()) {
            return viaOpenCv(encoded, header, maxPixels, opencv);
        }
        return viaImageIo(encoded, maxPixels);
    }

    private static BufferedImage viaOpenCv(byte[] encoded, EncodedHeader header, long maxPixels, OpenCv opencv) {
        requireSize(header.width(), header.height(), maxPixels);
        if (!header.complete()) {
            // libjpeg-turbo would fill the missing rows with grey and only warn
            throw new JclasException("damaged " + header.format() + " image: the file ends before its "
                    + (header.format().equals("PNG") ? "IEND chunk" : "end-of-image marker"), TRUNCATED);
        }
        BufferedImage img;
        try {
            img = opencv.decode(encoded, header.gray(), (int) header.width(), (int) header.height());
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new JclasException("cannot decode image: " + t.getMessage(), TRUNCATED, t);
        }
        if (img == null) {
            throw new JclasException("damaged " + header.format() + " image: OpenCV cannot decode it", TRUNCATED);
        }
        return img;
    }

    private static void requireSize(long w, long h, long maxPixels) {
        if (w <= 0 || h <= 0) {
            throw new JclasException("image header gives a size of " + w + "x" + h, "the file is damaged");
        }
        if (w * h > maxPixels) {
            throw new JclasException("image of " + w + "x" + h + " = " + (w * h) + " pixels exceeds the limit of "
                    + maxPixels + " pixels", "resize the image before sending it");
        }
    }

    private static BufferedImage viaImageIo(byte[] encoded, long maxPixels) {
        // not ImageIO.createImageInputStream, which caches an InputStream in a temporary file
        try (ImageInputStream in = new ByteArrayImageStream(encoded)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new JclasException("not an image (PNG, JPEG, BMP or GIF expected)",
                        "send the bytes of an image file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                requireSize(reader.getWidth(0), reader.getHeight(0), maxPixels);
                StringBuilder warnings = new StringBuilder();
                IIOReadWarningListener listener = (source, warning) -> warnings.append(warning).append("; ");
                reader.addIIOReadWarningListener(listener);
                BufferedImage img = reader.read(0);
                if (warnings.length() > 0) {
                    // The JPEG reader fills a truncated file with grey and only warns.
                    throw new JclasException("damaged " + reader.getFormatName() + " image: " + warnings.toString().trim(),
                            TRUNCATED);
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof JclasException je) {
                throw je;
            }
            throw new JclasException("cannot decode image: " + e.getMessage(), TRUNCATED, e);
        }
    }

    /** Reads and decodes an image file with the default pixel limit. */
    public static BufferedImage read(Path file) {
        return read(file, DEFAULT_MAX_PIXELS);
    }

    public static BufferedImage read(Path file, long maxPixels) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new JclasException("image not found: " + file, "check the path", e);
        } catch (IOException e) {
            throw new JclasException("cannot read image " + file + ": " + e.getMessage(), "check the path", e);
        }
        try {
            return decode(bytes, maxPixels);
        } catch (JclasException e) {
            throw new JclasException(file + ": " + e.getMessage(), e.getHint(), e);
        }
    }

    /** Reads a file straight to float pixels in its own channel count (see {@link #toImage}). */
    public static Image readImage(Path file) {
        return toImage(read(file));
    }

    /** Float HWC pixels 0..255 of a Java image, as cv2.imdecode would give them (see {@link PixelRows}). */
    public static Image toImage(BufferedImage img) {
        return PixelRows.of(img).toImage();
    }
}
