package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The one decoder: formats, pixel types, bombs and truncation. */
class ImageDecodingTest {
    private static Image roundTrip(BufferedImage img, String format) {
        return ImageDecoding.toImage(ImageDecoding.decode(TestImages.encode(img, format)));
    }

    @Test
    void rgbFormatsDecodeExactly() {
        BufferedImage img = TestImages.rgb(5, 4, 7);
        for (String format : new String[] {"png", "bmp"}) {
            Image out = roundTrip(img, format);
            assertEquals(3, out.c(), format);
            assertArrayEquals(new float[] {7 + 20 * 2, 20 * 3, 50}, new float[] {out.get(3, 2, 0), out.get(3, 2, 1),
                out.get(3, 2, 2)}, format);
        }
        Image jpeg = roundTrip(TestImages.rgb(16, 16, 0), "jpg");
        assertEquals(3, jpeg.c());
        assertEquals(16, jpeg.w());
    }

    @Test
    void grayKeepsValuesWithoutGammaShift() {
        BufferedImage g = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(1, 1, 0, 100);
        g.getRaster().setSample(2, 0, 0, 37);
        Image out = roundTrip(g, "png");
        assertEquals(1, out.c());
        assertEquals(100, out.get(1, 1, 0));
        assertEquals(37, out.get(0, 2, 0));
        assertEquals(0, out.get(0, 0, 0));
    }

    @Test
    void sixteenBitKeepsHighByte() {
        BufferedImage g = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g.getRaster().setSample(0, 0, 0, 0x1234);
        g.getRaster().setSample(1, 0, 0, 0xFFFF);
        Image out = roundTrip(g, "png");
        assertArrayEquals(new float[] {0x12, 0xFF}, out.pixels());
    }

    @Test
    void paletteAndBinaryAreExpanded() {
        byte[] r = {(byte) 255, 0, 10};
        byte[] gr = {0, (byte) 255, 20};
        byte[] b = {0, 0, 30};
        BufferedImage pal = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, gr, b));
        pal.getRaster().setSample(0, 0, 0, 2);
        pal.getRaster().setSample(1, 0, 0, 1);
        for (String format : new String[] {"png", "gif"}) {
            Image out = roundTrip(pal, format);
            assertEquals(3, out.c(), format);
            assertArrayEquals(new float[] {10, 20, 30, 0, 255, 0}, out.pixels(), format);
        }
        BufferedImage bin = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
        bin.getRaster().setSample(1, 0, 0, 1);
        Image out = roundTrip(bin, "png");
        assertEquals(1, out.c());
        assertArrayEquals(new float[] {0, 255, 0}, out.pixels());
    }

    @Test
    void alphaIsDroppedWithoutCompositing() {
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, (0 << 24) | (10 << 16) | (20 << 8) | 30);
        assertArrayEquals(new float[] {10, 20, 30}, roundTrip(argb, "png").pixels());
    }

    /** A PNG whose header claims {@code w×h} pixels followed by no image data. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        out.writeInt(13);
        out.write(type);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    @Test
    void decompressionBombsAreRefusedFromTheHeader() throws IOException {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        JclasException e = assertThrows(JclasException.class, () -> ImageDecoding.decode(bomb));
        assertEquals("image of 100000x100000 = 10000000000 pixels exceeds the limit of " + ImageDecoding.DEFAULT_MAX_PIXELS
                + " pixels", e.getMessage());
        byte[] ok = TestImages.encode(TestImages.rgb(100, 100, 0), "png");
        JclasException small = assertThrows(JclasException.class, () -> ImageDecoding.decode(ok, 5000));
        assertTrue(small.getMessage().startsWith("image of 100x100 = 10000 pixels exceeds the limit of 5000"));
        assertEquals(100, ImageDecoding.decode(ok, 10_000).getWidth());
    }

    @Test
    void truncatedAndForeignBytesAreRefused() {
        byte[] png = TestImages.encode(TestImages.rgb(64, 64, 0), "png");
        JclasException p = assertThrows(JclasException.class,
                () -> ImageDecoding.decode(Arrays.copyOf(png, png.length / 2)));
        assertEquals("the file is truncated or damaged; send the complete file", p.getHint());
        byte[] jpg = TestImages.encode(TestImages.rgb(64, 64, 0), "jpg");
        JclasException j = assertThrows(JclasException.class,
                () -> ImageDecoding.decode(Arrays.copyOf(jpg, jpg.length / 2)));
        assertTrue(j.getHint().contains("truncated"), j.getMessage());
        JclasException text = assertThrows(JclasException.class,
                () -> ImageDecoding.decode("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("not an image (PNG, JPEG, BMP or GIF expected)", text.getMessage());
        assertThrows(JclasException.class, () -> ImageDecoding.decode(new byte[0]));
    }
}
