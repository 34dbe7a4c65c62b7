package io.jclas.data;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over an encoded image already in memory. ImageIO's own {@code
 * MemoryCacheImageInputStream} copies the bytes again into 8 KB blocks behind a buffered stream and
 * registers every stream with Java2D's disposer (a synchronized global table): for a small PNG that
 * costs more than decoding it, and more still when several threads decode at once.
 */
final class ByteArrayImageStream extends ImageInputStreamImpl {
    private final byte[] bytes;

    ByteArrayImageStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int off, int len) {
        if (off < 0 || len < 0 || off + len > into.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + " for " + into.length + " bytes");
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        int left = bytes.length - (int) Math.min(streamPos, bytes.length);
        if (left == 0) {
            return -1;
        }
        int n = Math.min(len, left);
        System.arraycopy(bytes, (int) streamPos, into, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
