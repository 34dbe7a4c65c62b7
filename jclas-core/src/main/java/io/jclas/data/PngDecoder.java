package io.jclas.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs datasets are made of (8-bit grayscale or RGB, not interlaced, no transparency or
 * colour profile) straight into the Java image ImageIO would return, with the same pixels. For a small
 * image ImageIO costs far more than the decoding: a reader looked up in its registry per image, four
 * stream layers with 8 KB buffers each, a record in Java2D's global disposer. That garbage (about 40 KB
 * for a 28x28 image of 300 bytes) made decoding 28x28 PNGs take 15 to 250 us an image, depending on how
 * the heap was growing. Any other PNG, and any PNG this decoder finds damaged, returns null: ImageIO then
 * decodes it, or names what is wrong, as before.
 */
final class PngDecoder {
    private static final long IHDR = chunk("IHDR");
    private static final long IDAT = chunk("IDAT");
    private static final long IEND = chunk("IEND");
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final long[] IGNORABLE = {chunk("tEXt"), chunk("zTXt"), chunk("iTXt"), chunk("tIME"),
            chunk("pHYs"), chunk("sBIT"), chunk("gAMA"), chunk("cHRM"), chunk("bKGD")};
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private PngDecoder() {}

    /**
     * The image, or null when it is not a PNG this decoder takes (or is damaged). {@code checkSize}
     * sees width and height before any pixel memory is allocated.
     */
    static BufferedImage decode(byte[] png, SizeCheck checkSize) {
        if (png.length < 33 || !EncodedHeader.isPng(png) || EncodedHeader.u32(png, 12) != IHDR) {
            return null;
        }
        long width = EncodedHeader.u32(png, 16);
        long height = EncodedHeader.u32(png, 20);
        int depth = png[24];
        int color = png[25];
        boolean plain = depth == 8 && (color == GRAY || color == RGB) && png[26] == 0 && png[27] == 0 && png[28] == 0;
        if (!plain) {
            return null;
        }
        checkSize.check(width, height);
        int stride = (int) width * (color == GRAY ? 1 : 3);
        byte[] raw = inflate(png, 33, (stride + 1) * (int) height);
        if (raw == null) {
            return null;
        }
        // the types ImageIO's PNG reader returns for these
        BufferedImage img = new BufferedImage((int) width, (int) height,
                color == GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (!unfilter(raw, pixels, stride, (int) height, color == GRAY ? 1 : 3)) {
            return null;
        }
        if (color == RGB) {
            for (int i = 0; i < pixels.length; i += 3) {
                byte red = pixels[i];
                pixels[i] = pixels[i + 2];
                pixels[i + 2] = red;
            }
        }
        return img;
    }

    /** What the caller refuses: a size it throws on (decompression bombs). */
    interface SizeCheck {
        void check(long width, long height);
    }

    /**
     * The concatenated IDAT data from {@code at} on, inflated to exactly {@code size} bytes; null when a
     * chunk this decoder does not take (transparency, palette, colour profile) comes first, or the data
     * is short, long or damaged.
     */
    private static byte[] inflate(byte[] png, int at, int size) {
        Inflater inflater = INFLATER.get();
        inflater.reset();
        // one spare byte: zlib reads the stream's checksum (and reports finished) only with room left
        byte[] out = new byte[size + 1];
        int done = 0;
        try {
            while (at + 8 <= png.length) {
                long length = EncodedHeader.u32(png, at);
                long type = EncodedHeader.u32(png, at + 4);
                int data = at + 8;
                if (data + length + 4 > png.length) {
                    return null;
                }
                if (type == IEND) {
                    return done == size && inflater.finished() ? out : null;
                }
                if (type == IDAT) {
                    inflater.setInput(png, data, (int) length);
                    while (!inflater.finished() && !inflater.needsInput()) {
                        int n = inflater.inflate(out, done, out.length - done);
                        if (n == 0 && (inflater.needsDictionary() || done == out.length)) {
                            return null;
                        }
                        done += n;
                    }
                } else if (!ignorable(type)) {
                    return null;
                }
                at = data + (int) length + 4;
            }
            return null;
        } catch (DataFormatException e) {
            return null;
        }
    }

    /**
     * Ancillary chunks that do not change the pixels ImageIO returns: text, time, physical size,
     * significant bits, gamma, chromaticities and background (which ImageIO reads as metadata only).
     * Those that change the result (tRNS adds alpha, iCCP a colour space) and unknown ones send the file
     * to ImageIO.
     */
    private static boolean ignorable(long type) {
        for (long t : IGNORABLE) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /** Undoes the per-row filters (PNG spec 9.2) of {@code raw} into {@code out}; false on an unknown filter. */
    private static boolean unfilter(byte[] raw, byte[] out, int stride, int height, int bpp) {
        int in = 0;
        for (int y = 0; y < height; y++) {
            int filter = raw[in++];
            int row = y * stride;
            int prev = row - stride;
            switch (filter) {
                case 0 -> System.arraycopy(raw, in, out, row, stride);
                case 1 -> {
                    for (int x = 0; x < stride; x++) {
                        int left = x >= bpp ? out[row + x - bpp] : 0;
                        out[row + x] = (byte) (raw[in + x] + left);
                    }
                }
                case 2 -> {
                    for (int x = 0; x < stride; x++) {
                        int up = y > 0 ? out[prev + x] : 0;
                        out[row + x] = (byte) (raw[in + x] + up);
                    }
                }
                case 3 -> {
                    for (int x = 0; x < stride; x++) {
                        int left = x >= bpp ? out[row + x - bpp] & 0xff : 0;
                        int up = y > 0 ? out[prev + x] & 0xff : 0;
                        out[row + x] = (byte) (raw[in + x] + ((left + up) >>> 1));
                    }
                }
                case 4 -> {
                    for (int x = 0; x < stride; x++) {
                        int left = x >= bpp ? out[row + x - bpp] & 0xff : 0;
                        int up = y > 0 ? out[prev + x] & 0xff : 0;
                        int upLeft = x >= bpp && y > 0 ? out[prev + x - bpp] & 0xff : 0;
                        out[row + x] = (byte) (raw[in + x] + paeth(left, up, upLeft));
                    }
                }
                default -> {
                    return false;
                }
            }
            in += stride;
        }
        return true;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** A chunk type as {@link EncodedHeader#u32} reads it. */
    private static long chunk(String name) {
        return (long) name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
