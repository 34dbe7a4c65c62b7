package io.jclas.data;

import io.jclas.JclasException;

/**
 * A decoded image as float pixels, 0..255 until {@code NormalizeImage}, stored HWC (PaddleClas's
 * layout for every op) or, after {@code ToCHWImage}, CHW.
 *
 * @param pixels the values, {@code h*w*c} of them
 * @param h height
 * @param w width
 * @param c channels (1 or 3)
 * @param chw true when {@code pixels} are channel-first
 */
public record Image(float[] pixels, int h, int w, int c, boolean chw) {

    public Image {
        if (h <= 0 || w <= 0 || c <= 0 || pixels.length != (long) h * w * c) {
            throw new IllegalArgumentException("image " + h + "x" + w + "x" + c + " with " + pixels.length + " values");
        }
    }

    /** An HWC image. */
    public Image(float[] pixels, int h, int w, int c) {
        this(pixels, h, w, c, false);
    }

    /** A blank HWC image. */
    public static Image blank(int h, int w, int c) {
        return new Image(new float[h * w * c], h, w, c, false);
    }

    /** Value at row y, column x, channel ch, whatever the layout. */
    public float get(int y, int x, int ch) {
        return chw ? pixels[(ch * h + y) * w + x] : pixels[(y * w + x) * c + ch];
    }

    /** The pixels channel-first (a copy when stored HWC; the array itself when already CHW). */
    public float[] toChw() {
        if (chw) {
            return pixels;
        }
        float[] out = new float[pixels.length];
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            for (int ch = 0; ch < c; ch++) {
                out[ch * plane + i] = pixels[i * c + ch];
            }
        }
        return out;
    }

    /** Fails with a clear message when an op that needs HWC pixels is placed after ToCHWImage. */
    public Image requireHwc(String op) {
        if (chw) {
            throw new JclasException(op + " got a CHW image", "place ToCHWImage last in transform_ops");
        }
        return this;
    }
}
