package io.jclas.data.transform;

import io.jclas.data.Image;

/**
 * Bilinear resize of float HWC pixels with the sampling grid of OpenCV's {@code INTER_LINEAR}:
 * half-pixel centres ({@code src = (dst + 0.5) * scale - 0.5}), clamped at the borders, and no
 * anti-aliasing when shrinking. OpenCV computes on uint8 with 11-bit fixed-point weights; this works
 * in float, so values can differ from cv2's by up to about one grey level. The taps and the blend are
 * shared with {@link FusedPreprocessing}, which must give the same floats bit for bit.
 */
final class Bilinear {
    private Bilinear() {}

    /**
     * The sampling of one axis resized from {@code in} to {@code out} samples: output index d blends
     * source indices {@code lo[d]} and {@code hi[d]} with weights {@code keep[d]} and {@code take[d]}.
     */
    record Taps(int in, int out, int[] lo, int[] hi, float[] keep, float[] take) {
        static Taps of(int in, int out) {
            int[] lo = new int[out];
            int[] hi = new int[out];
            float[] keep = new float[out];
            float[] take = new float[out];
            double scale = (double) in / out;
            for (int d = 0; d < out; d++) {
                double f = (d + 0.5) * scale - 0.5;
                int s = (int) Math.floor(f);
                double w = f - s;
                if (s < 0) {
                    s = 0;
                    w = 0;
                }
                if (s >= in - 1) {
                    s = in - 1;
                    w = 0;
                }
                lo[d] = s;
                hi[d] = Math.min(s + 1, in - 1);
                take[d] = (float) w;
                keep[d] = 1 - take[d];
            }
            return new Taps(in, out, lo, hi, keep, take);
        }

        /** These taps when they resize {@code in} to {@code out}, else new ones (a one-entry cache's test). */
        Taps orFor(int in, int out) {
            return this.in == in && this.out == out ? this : of(in, out);
        }
    }

    /** The one bilinear blend of two samples (the order of the float operations fixes the result). */
    static float blend(float a, float b, float keep, float take) {
        return a * keep + b * take;
    }

    static Image resize(Image img, int outW, int outH) {
        img.requireHwc("ResizeImage");
        int inW = img.w();
        int inH = img.h();
        int c = img.c();
        if (inW == outW && inH == outH) {
            return img;
        }
        Taps tx = Taps.of(inW, outW);
        Taps ty = Taps.of(inH, outH);
        float[] src = img.pixels();
        float[] dst = new float[outW * outH * c];
        for (int y = 0; y < outH; y++) {
            int r0 = ty.lo[y] * inW;
            int r1 = ty.hi[y] * inW;
            for (int x = 0; x < outW; x++) {
                int a = tx.lo[x];
                int b = tx.hi[x];
                int o = (y * outW + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    float top = blend(src[(r0 + a) * c + ch], src[(r0 + b) * c + ch], tx.keep[x], tx.take[x]);
                    float bottom = blend(src[(r1 + a) * c + ch], src[(r1 + b) * c + ch], tx.keep[x], tx.take[x]);
                    dst[o + ch] = blend(top, bottom, ty.keep[y], ty.take[y]);
                }
            }
        }
        return new Image(dst, outH, outW, c);
    }
}
