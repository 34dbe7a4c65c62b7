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
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR = chunk("IHDR");
    private static final int IDAT = chunk("IDAT");
    private static final int IEND = chunk("IEND");
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int[] IGNORABLE = {chunk("tEXt"), chunk("zTXt"), chunk("iTXt"), chunk("tIME"),
            chunk("pHYs"), chunk("sBIT"), chunk("gAMA"), chunk("cHRM"), chunk("bKGD")};
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private PngDecoder() {}

    static boolean isPng(byte[] b) {
        if (b.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The image, or null when it is not a PNG this decoder takes (or is damaged). {@code checkSize}
     * sees width and height before any pixel memory is allocated.
     */
    static BufferedImage decode(byte[] png, SizeCheck checkSize) {
        if (!isPng(png) || png.length < 33 || u32(png, 12) != IHDR) {
            return null;
        }
        long width = u32(png, 16) & 0xffffffffL;
        long height = u32(png, 20) & 0xffffffffL;
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
        if (color == GRAY) {
            return unfilter(raw, pixels, stride, (int) height, 1) ? img : null;
        }
        byte[] rgb = new byte[pixels.length];
        if (!unfilter(raw, rgb, stride, (int) height, 3)) {
            return null;
        }
        for (int i = 0; i < rgb.length; i += 3) {
            pixels[i] = rgb[i + 2];
            pixels[i + 1] = rgb[i + 1];
            pixels[i + 2] = rgb[i];
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
                int length = u32(png, at);
                int type = u32(png, at + 4);
                int data = at + 8;
                if (length < 0 || data + length + 4 > png.length) {
                    return null;
                }
                if (type == IEND) {
                    return done == size && inflater.finished() ? out : null;
                }
                if (type == IDAT) {
                    inflater.setInput(png, data, length);
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
                at = data + length + 4;
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
    private static boolean ignorable(int type) {
        for (int t : IGNORABLE) {
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

    private static int u32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int chunk(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
