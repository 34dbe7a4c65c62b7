package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

/** The fast PNG path gives ImageIO's image exactly, and hands every other PNG back to ImageIO. */
class PngDecoderTest {
    private static final PngDecoder.SizeCheck ANY_SIZE = (w, h) -> {};

    /** Noise over a gradient, so that ImageIO's writer picks different filters row by row. */
    private static BufferedImage image(int type, int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int noisy = random.nextInt(4) == 0 ? random.nextInt(256) : (x * 7 + y * 3) & 0xff;
                img.getRaster().setSample(x, y, 0, noisy);
                for (int band = 1; band < img.getRaster().getNumBands(); band++) {
                    img.getRaster().setSample(x, y, band, (noisy + band * 50 + random.nextInt(3)) & 0xff);
                }
            }
        }
        return img;
    }

    /** What ImageDecoding returned before the fast path: ImageIO's reader, metadata ignored. */
    private static BufferedImage imageIo(byte[] png) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in, true, true);
            BufferedImage img = reader.read(0);
            reader.dispose();
            return img;
        }
    }

    private static void assertSameImage(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getType(), actual.getType());
        assertEquals(expected.getColorModel(), actual.getColorModel());
        assertEquals(expected.getSampleModel().getClass(), actual.getSampleModel().getClass());
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        assertArrayEquals(((DataBufferByte) expected.getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) actual.getRaster().getDataBuffer()).getData());
        assertArrayEquals(expected.getRaster().getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null),
                actual.getRaster().getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null));
    }

    @Test
    void grayAndRgbGiveImageIosImage() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR}) {
            for (int[] size : new int[][] {{1, 1}, {28, 28}, {97, 61}, {300, 7}}) {
                byte[] png = TestImages.encode(image(type, size[0], size[1], size[0] * 31L + type), "png");
                BufferedImage fast = PngDecoder.decode(png, ANY_SIZE);
                assertNotNull(fast, "type " + type + " " + Arrays.toString(size));
                assertSameImage(imageIo(png), fast);
            }
        }
    }

    /** ImageIO's writer filters no row, so these rows are filtered here, each of the five filters in turn. */
    @Test
    void everyRowFilterIsUndone() throws Exception {
        for (int channels : new int[] {1, 3}) {
            int w = 23;
            int h = 11;
            Random random = new Random(channels);
            byte[] pixels = new byte[w * h * channels];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : i * 5);
            }
            byte[] png = filteredPng(pixels, w, h, channels);
            assertSameImage(imageIo(png), PngDecoder.decode(png, ANY_SIZE));
        }
    }

    /** An 8-bit gray (1 channel) or RGB (3) PNG whose row y uses filter y mod 5 (PNG spec 9.2). */
    private static byte[] filteredPng(byte[] pixels, int w, int h, int channels) {
        int stride = w * channels;
        byte[] raw = new byte[(stride + 1) * h];
        for (int y = 0; y < h; y++) {
            int filter = y % 5;
            raw[y * (stride + 1)] = (byte) filter;
            for (int x = 0; x < stride; x++) {
                int cur = pixels[y * stride + x] & 0xff;
                int a = x >= channels ? pixels[y * stride + x - channels] & 0xff : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] & 0xff : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] & 0xff : 0;
                int predicted = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> {
                        int p = a + b - c;
                        int pa = Math.abs(p - a);
                        int pb = Math.abs(p - b);
                        int pc = Math.abs(p - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    }
                };
                raw[y * (stride + 1) + 1 + x] = (byte) (cur - predicted);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] compressed = new byte[raw.length + 64];
        int n = deflater.deflate(compressed);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) (channels == 1 ? 0 : 2));
        return write(List.of(new Chunk("IHDR", ihdr.array()), new Chunk("IDAT", Arrays.copyOf(compressed, n)),
                new Chunk("IEND", new byte[0])));
    }

    @Test
    void imageDataSplitOverManyChunksDecodes() throws Exception {
        byte[] png = TestImages.encode(image(BufferedImage.TYPE_3BYTE_BGR, 40, 30, 3), "png");
        List<Chunk> chunks = chunks(png);
        List<Chunk> split = new ArrayList<>();
        for (Chunk c : chunks) {
            if (c.type.equals("IDAT")) {
                for (int at = 0; at < c.data.length; at += 37) {
                    split.add(new Chunk("IDAT", Arrays.copyOfRange(c.data, at, Math.min(c.data.length, at + 37))));
                }
            } else {
                split.add(c);
            }
            if (c.type.equals("IHDR")) {
                split.add(new Chunk("tEXt", "Comment\0made here".getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        byte[] rechunked = write(split);
        assertSameImage(imageIo(png), PngDecoder.decode(rechunked, ANY_SIZE));
    }

    @Test
    void transparencyPalettesAndSixteenBitsGoToImageIo() throws Exception {
        byte[] gray = TestImages.encode(image(BufferedImage.TYPE_BYTE_GRAY, 5, 4, 1), "png");
        List<Chunk> withAlpha = new ArrayList<>(chunks(gray));
        withAlpha.add(1, new Chunk("tRNS", new byte[] {0, 7}));
        byte[] transparent = write(withAlpha);
        assertNull(PngDecoder.decode(transparent, ANY_SIZE));
        assertEquals(5, ImageDecoding.decode(transparent).getWidth());

        BufferedImage sixteen = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        assertNull(PngDecoder.decode(TestImages.encode(sixteen, "png"), ANY_SIZE));
        BufferedImage argb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        assertNull(PngDecoder.decode(TestImages.encode(argb, "png"), ANY_SIZE));
        BufferedImage indexed = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED);
        assertNull(PngDecoder.decode(TestImages.encode(indexed, "png"), ANY_SIZE));
        assertNull(PngDecoder.decode(TestImages.encode(indexed, "gif"), ANY_SIZE));
    }

    @Test
    void damagedDataIsLeftToImageIosError() throws Exception {
        byte[] png = TestImages.encode(image(BufferedImage.TYPE_3BYTE_BGR, 64, 64, 5), "png");
        List<Chunk> chunks = chunks(png);
        Chunk idat = chunks.stream().filter(c -> c.type.equals("IDAT")).findFirst().orElseThrow();
        byte[] garbled = idat.data.clone();
        for (int i = 2; i < garbled.length; i += 3) {
            garbled[i] ^= 0x5a;
        }
        chunks.set(chunks.indexOf(idat), new Chunk("IDAT", garbled));
        byte[] damaged = write(chunks);
        assertNull(PngDecoder.decode(damaged, ANY_SIZE));
        assertThrows(JclasException.class, () -> ImageDecoding.decode(damaged));
        assertNull(PngDecoder.decode(Arrays.copyOf(png, png.length - 20), ANY_SIZE), "no IEND");
        assertNull(PngDecoder.decode(Arrays.copyOf(png, 40), ANY_SIZE));
    }

    @Test
    void theSizeIsCheckedBeforeDecoding() {
        byte[] png = TestImages.encode(image(BufferedImage.TYPE_BYTE_GRAY, 100, 100, 0), "png");
        JclasException e = assertThrows(JclasException.class, () -> ImageDecoding.decode(png, 5000));
        assertTrue(e.getMessage().startsWith("image of 100x100 = 10000 pixels exceeds the limit of 5000"), e.getMessage());
    }

    private record Chunk(String type, byte[] data) {}

    private static List<Chunk> chunks(byte[] png) {
        List<Chunk> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[length];
            b.get(data);
            b.getInt();
            out.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return out;
    }

    private static byte[] write(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        for (Chunk c : chunks) {
            byte[] type = c.type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(c.data);
            out.writeBytes(ByteBuffer.allocate(4).putInt(c.data.length).array());
            out.writeBytes(type);
            out.writeBytes(c.data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }
}
