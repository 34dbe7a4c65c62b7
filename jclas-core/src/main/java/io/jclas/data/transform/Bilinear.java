package io.jclas.data.transform;

import io.jclas.data.Image;

/**
 * Bilinear resize of float HWC pixels with the sampling grid of OpenCV's {@code INTER_LINEAR}:
 * half-pixel centres ({@code src = (dst + 0.5) * scale - 0.5}), clamped at the borders, and no
 * anti-aliasing when shrinking. OpenCV computes on uint8 with 11-bit fixed-point weights; this works
 * in float, so values can differ from cv2's by up to about one grey level.
 */
final class Bilinear {
    private Bilinear() {}

    static Image resize(Image img, int outW, int outH) {
        img.requireHwc("ResizeImage");
        int inW = img.w();
        int inH = img.h();
        int c = img.c();
        if (inW == outW && inH == outH) {
            return img;
        }
        int[] x0 = new int[outW];
        float[] fx = new float[outW];
        grid(inW, outW, x0, fx);
        int[] y0 = new int[outH];
        float[] fy = new float[outH];
        grid(inH, outH, y0, fy);
        float[] src = img.pixels();
        float[] dst = new float[outW * outH * c];
        for (int y = 0; y < outH; y++) {
            int r0 = y0[y] * inW;
            int r1 = Math.min(y0[y] + 1, inH - 1) * inW;
            float wy = fy[y];
            for (int x = 0; x < outW; x++) {
                int a = x0[x];
                int b = Math.min(a + 1, inW - 1);
                float wx = fx[x];
                int o = (y * outW + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    float top = src[(r0 + a) * c + ch] * (1 - wx) + src[(r0 + b) * c + ch] * wx;
                    float bottom = src[(r1 + a) * c + ch] * (1 - wx) + src[(r1 + b) * c + ch] * wx;
                    dst[o + ch] = top * (1 - wy) + bottom * wy;
                }
            }
        }
        return new Image(dst, outH, outW, c);
    }

    /** For each output index: the left source index and the weight of its right neighbour. */
    private static void grid(int in, int out, int[] index, float[] weight) {
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
            index[d] = s;
            weight[d] = (float) w;
        }
    }
}
