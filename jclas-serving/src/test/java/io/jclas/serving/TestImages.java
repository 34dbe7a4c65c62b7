package io.jclas.serving;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Encoded test images and request bodies. */
public final class TestImages {
    static final String BOUNDARY = "jclas-test-boundary";

    private TestImages() {}

    /** A PNG whose top-left red value is {@code id}: the fake classifier answers class id % 10. */
    public static byte[] png(int id) {
        return png(id, 8, 8, false);
    }

    /** A PNG of the given size; noise makes it large and incompressible (for truncation tests). */
    public static byte[] png(int id, int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(id);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noise && (x | y) != 0 ? random.nextInt(0xFFFFFF) : id << 16);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 100-byte PNG declaring a 30000 x 30000 grayscale canvas: a decompression bomb's header. */
    public static byte[] bombPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(30000).putInt(30000)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A multipart/form-data body with one file part per image, all under the given field name. */
    static byte[] multipart(String field, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < files.size(); i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"img" + i + ".png\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(files.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
