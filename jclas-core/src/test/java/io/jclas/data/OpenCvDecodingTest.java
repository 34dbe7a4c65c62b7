package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jclas.JclasException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native decoder (org.openpnp:opencv, a test dependency) against ImageIO: the same pixels and the
 * same refusals. Skipped where OpenCV's native library does not load.
 */
class OpenCvDecodingTest {
    private static OpenCv cv;

    @BeforeAll
    static void load() {
        try {
            cv = OpenCv.load(OpenCvDecodingTest.class.getClassLoader());
        } catch (IllegalStateException e) {
            assumeTrue(false, e.getMessage());
        }
    }

    /** A smooth photo-like image with noise, so that JPEG blocks carry real detail. */
    private static BufferedImage photo(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random random = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 9.0)) + random.nextInt(20);
                int g = (int) (128 + 100 * Math.cos(y / 7.0)) + random.nextInt(20);
                int b = (x + y) % 256;
                img.setRGB(x, y, Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | b);
            }
        }
        return img;
    }

    private static Image withOpenCv(byte[] encoded) {
        return ImageDecoding.toImage(ImageDecoding.decode(encoded, ImageDecoding.DEFAULT_MAX_PIXELS, cv));
    }

    private static Image withImageIo(byte[] encoded) {
        return ImageDecoding.toImage(ImageDecoding.decode(encoded, ImageDecoding.DEFAULT_MAX_PIXELS, null));
    }

    private static int maxDifference(Image a, Image b) {
        assertArrayEquals(new int[] {a.h(), a.w(), a.c()}, new int[] {b.h(), b.w(), b.c()}, "shape");
        float max = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            max = Math.max(max, Math.abs(a.pixels()[i] - b.pixels()[i]));
        }
        return (int) max;
    }

    @Test
    void pngIsExactForEveryPixelLayout() {
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY};
        for (int type : types) {
            BufferedImage img = photo(type, 37, 29);
            byte[] png = TestImages.encode(img, "png");
            Image decoded = withOpenCv(png);
            assertEquals(0, maxDifference(withImageIo(png), decoded), "type " + type);
            assertEquals(type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_ARGB ? 3 : 1, decoded.c());
        }
    }

    @Test
    void jpegAgreesWithImageIoWithinALevelAndGrayStaysOneChannel() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            byte[] jpg = TestImages.encode(photo(type, 500, 375), "jpg");
            Image decoded = withOpenCv(jpg);
            assertTrue(maxDifference(withImageIo(jpg), decoded) <= 1, "type " + type);
            assertEquals(type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3, decoded.c());
        }
    }

    /** An EXIF APP1 segment saying "rotate 90° clockwise" (orientation 6), which ImageIO ignores. */
    private static byte[] withExifOrientation6(byte[] jpg) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpg, 0, 2);
        int length = exif.length + 2;
        out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length}, 0, 4);
        out.write(exif, 0, exif.length);
        out.write(jpg, 2, jpg.length - 2);
        return out.toByteArray();
    }

    @Test
    void exifOrientationIsIgnoredAsImageIoDoes() {
        byte[] jpg = withExifOrientation6(TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 40, 24), "jpg"));
        Image decoded = withOpenCv(jpg);
        assertEquals(40, decoded.w());
        assertTrue(maxDifference(withImageIo(jpg), decoded) <= 1);
    }

    @Test
    void truncatedFilesAndBombsAreRefusedBeforeOpenCvSeesThem() throws Exception {
        byte[] jpg = TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 64, 64), "jpg");
        JclasException j = assertThrows(JclasException.class, () -> withOpenCv(Arrays.copyOf(jpg, jpg.length - 100)));
        assertEquals("damaged JPEG image: the file ends before its end-of-image marker", j.getMessage());
        assertEquals("the file is truncated or damaged; send the complete file", j.getHint());
        byte[] png = TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 64, 64), "png");
        JclasException p = assertThrows(JclasException.class, () -> withOpenCv(Arrays.copyOf(png, png.length / 2)));
        assertEquals("damaged PNG image: the file ends before its IEND chunk", p.getMessage());
        JclasException bomb = assertThrows(JclasException.class,
                () -> withOpenCv(ImageDecodingTest.pngHeaderOnly(100_000, 100_000)));
        assertTrue(bomb.getMessage().startsWith("image of 100000x100000 = 10000000000 pixels exceeds the limit"));
    }

    @Test
    void otherFormatsGoToImageIo() {
        EncodedHeader header = EncodedHeader.of(TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 8, 6), "jpg"));
        assertEquals(new EncodedHeader("JPEG", 8, 6, false, true, true), header);
        assertNull(EncodedHeader.of(TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 8, 6), "bmp")));
        byte[] bmp = TestImages.encode(photo(BufferedImage.TYPE_3BYTE_BGR, 8, 6), "bmp");
        assertArrayEquals(withImageIo(bmp).pixels(), withOpenCv(bmp).pixels());
    }

    @Test
    void thePropertyChoosesTheDecoder() {
        ClassLoader withoutOpenCv = ClassLoader.getPlatformClassLoader();
        assertNull(DecoderChoice.choose("imageio", getClass().getClassLoader()).opencv);
        assertNull(DecoderChoice.choose("auto", withoutOpenCv).opencv);
        assertTrue(DecoderChoice.choose("AUTO", getClass().getClassLoader()).description.startsWith("OpenCV 4."));
        JclasException missing = assertThrows(JclasException.class, () -> DecoderChoice.choose("opencv", withoutOpenCv));
        assertEquals("-Djclas.decoder=opencv, but org.openpnp:opencv is not on the class path", missing.getMessage());
        JclasException bad = assertThrows(JclasException.class, () -> DecoderChoice.choose("libpng", withoutOpenCv));
        assertEquals("use imageio, opencv or auto", bad.getHint());
    }
}
