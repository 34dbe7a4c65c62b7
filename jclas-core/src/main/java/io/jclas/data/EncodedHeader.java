package io.jclas.data;

/**
 * What the first bytes of a JPEG or PNG file say, read without decoding: the size (for the pixel limit,
 * before any pixel memory is allocated), whether the image is grayscale, and whether the file ends as a
 * complete one does. The native decoder needs this because libjpeg-turbo fills a truncated JPEG with
 * grey and only warns, and it gives no way to read the size before decoding.
 *
 * @param format "JPEG" or "PNG"
 * @param gray one colour channel (JPEG with 1 component, PNG grey or grey + alpha)
 * @param plain what the native decoder reads exactly as ImageIO does: baseline or progressive 8-bit JPEG
 *     of 1 or 3 components, PNG that is not a palette image (ImageIO keeps grey palettes at 1 channel)
 * @param complete the JPEG's end-of-image marker or the PNG's IEND chunk is there
 */
record EncodedHeader(String format, long width, long height, boolean gray, boolean plain, boolean complete) {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] IEND = {'I', 'E', 'N', 'D'};

    /** The header of a JPEG or PNG file, or null for other formats and headers too damaged to read. */
    static EncodedHeader of(byte[] b) {
        if (b.length > 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return jpeg(b);
        }
        if (b.length >= 33 && isPng(b) && startsWith(b, new byte[] {'I', 'H', 'D', 'R'}, 12)) {
            int colorType = b[25] & 0xff;
            boolean complete = lastIndexOf(b, IEND, 33) >= 0;
            return new EncodedHeader("PNG", u32(b, 16), u32(b, 20), (colorType & 2) == 0, colorType != 3, complete);
        }
        return null;
    }

    /** Walks the marker segments up to the first scan; the frame header (SOFn) gives size and components. */
    private static EncodedHeader jpeg(byte[] b) {
        int i = 2;
        long w = -1;
        long h = -1;
        int components = 0;
        boolean eightBitHuffman = false;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xda) {
                boolean complete = w >= 0 && lastIndexOf(b, new byte[] {(byte) 0xff, (byte) 0xd9}, i) >= 0;
                boolean plain = eightBitHuffman && (components == 1 || components == 3) && h > 0;
                return new EncodedHeader("JPEG", w, h, components == 1, plain, complete);
            }
            int length = u16(b, i + 2);
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame && i + 10 <= b.length) {
                h = u16(b, i + 5);
                w = u16(b, i + 7);
                components = b[i + 9] & 0xff;
                // baseline, extended and progressive Huffman at 8 bits; lossless and arithmetic go to ImageIO
                eightBitHuffman = (marker == 0xc0 || marker == 0xc1 || marker == 0xc2) && (b[i + 4] & 0xff) == 8;
            }
            i += 2 + length;
        }
        return w >= 0 ? new EncodedHeader("JPEG", w, h, components == 1, false, false) : null;
    }

    /** Whether {@code b} starts with the PNG signature. */
    static boolean isPng(byte[] b) {
        return b.length >= PNG.length && startsWith(b, PNG, 0);
    }

    private static boolean startsWith(byte[] b, byte[] prefix, int at) {
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The last place of {@code what} at or after {@code from}, searched from the end (where it normally is). */
    private static int lastIndexOf(byte[] b, byte[] what, int from) {
        for (int at = b.length - what.length; at >= from; at--) {
            if (startsWith(b, what, at)) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    /** The big-endian unsigned 32-bit number at {@code i} (PNG's sizes, lengths and chunk types). */
    static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }
}
