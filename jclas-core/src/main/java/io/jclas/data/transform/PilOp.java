package io.jclas.data.transform;

import java.util.SplittableRandom;

/**
 * The image operations of AutoAugment and RandAugment as PaddleClas runs them through PIL, on 8-bit
 * HWC pixels held as ints. Signed magnitudes get a random sign, as PaddleClas draws
 * {@code random.choice([-1, 1])}. Geometric ops fill with grey 128. PIL's LUT, blend and 3×3 filter
 * arithmetic is followed; shear uses PIL's bicubic kernel, translate and rotate nearest neighbour.
 */
enum PilOp {
    SHEAR_X("shearX"), SHEAR_Y("shearY"), TRANSLATE_X("translateX"), TRANSLATE_Y("translateY"), ROTATE("rotate"),
    COLOR("color"), POSTERIZE("posterize"), SOLARIZE("solarize"), CONTRAST("contrast"), SHARPNESS("sharpness"),
    BRIGHTNESS("brightness"), AUTOCONTRAST("autocontrast"), EQUALIZE("equalize"), INVERT("invert");

    static final int FILL = 128;
    final String paddleName;

    PilOp(String paddleName) {
        this.paddleName = paddleName;
    }

    static PilOp byName(String name) {
        for (PilOp op : values()) {
            if (op.paddleName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Applies the op with magnitude {@code m} to 8-bit pixels of an h×w×c image. */
    int[] apply(int[] px, int h, int w, int c, double m, SplittableRandom rng) {
        switch (this) {
            case SHEAR_X: return affine(px, h, w, c, new double[] {1, m * sign(rng), 0, 0, 1, 0}, true);
            case SHEAR_Y: return affine(px, h, w, c, new double[] {1, 0, 0, m * sign(rng), 1, 0}, true);
            case TRANSLATE_X: return affine(px, h, w, c, new double[] {1, 0, m * w * sign(rng), 0, 1, 0}, false);
            case TRANSLATE_Y: return affine(px, h, w, c, new double[] {1, 0, 0, 0, 1, m * h * sign(rng)}, false);
            case ROTATE: return rotate(px, h, w, c, m);
            case COLOR: return c == 1 ? px : blend(grayRgb(px), px, 1 + m * sign(rng));
            case POSTERIZE: {
                int mask = ~((1 << (8 - (int) m)) - 1);
                return lut(px, i -> i & mask);
            }
            case SOLARIZE: return lut(px, i -> i < m ? i : 255 - i);
            case CONTRAST: {
                int mean = (int) (meanLuma(px, c) + 0.5);
                int[] degenerate = new int[px.length];
                java.util.Arrays.fill(degenerate, mean);
                return blend(degenerate, px, 1 + m * sign(rng));
            }
            case SHARPNESS: return blend(smooth(px, h, w, c), px, 1 + m * sign(rng));
            case BRIGHTNESS: return blend(new int[px.length], px, 1 + m * sign(rng));
            case AUTOCONTRAST: return perChannel(px, c, PilOp::autocontrastLut);
            case EQUALIZE: return perChannel(px, c, PilOp::equalizeLut);
            case INVERT: return lut(px, i -> 255 - i);
            default: throw new IllegalStateException(name());
        }
    }

    private static int sign(SplittableRandom rng) {
        return rng.nextBoolean() ? 1 : -1;
    }

    private static int[] lut(int[] px, java.util.function.IntUnaryOperator f) {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = Math.max(0, Math.min(255, f.applyAsInt(i)));
        }
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = table[px[i]];
        }
        return out;
    }

    /** PIL Image.blend: a + f·(b - a), clipped, truncated to an integer. */
    private static int[] blend(int[] a, int[] b, double f) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            double v = a[i] + f * (b[i] - a[i]);
            out[i] = v <= 0 ? 0 : v >= 255 ? 255 : (int) v;
        }
        return out;
    }

    /** PIL's RGB→L (ITU-R 601-2 luma, 16-bit fixed point), copied into three channels. */
    private static int[] grayRgb(int[] px) {
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i += 3) {
            int l = luma(px[i], px[i + 1], px[i + 2]);
            out[i] = l;
            out[i + 1] = l;
            out[i + 2] = l;
        }
        return out;
    }

    private static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    private static double meanLuma(int[] px, int c) {
        long sum = 0;
        for (int i = 0; i < px.length; i += c) {
            sum += c == 1 ? px[i] : luma(px[i], px[i + 1], px[i + 2]);
        }
        return (double) sum / (px.length / c);
    }

    /** PIL's SMOOTH filter (3×3 kernel 1 1 1 / 1 5 1 / 1 1 1, divided by 13); border pixels are kept. */
    private static int[] smooth(int[] px, int h, int w, int c) {
        int[] out = px.clone();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            sum += px[((y + dy) * w + x + dx) * c + ch] * (dx == 0 && dy == 0 ? 5 : 1);
                        }
                    }
                    out[(y * w + x) * c + ch] = Math.min(255, (int) (sum / 13.0 + 0.5));
                }
            }
        }
        return out;
    }

    private interface ChannelLut {
        int[] table(long[] histogram);
    }

    private static int[] perChannel(int[] px, int c, ChannelLut lut) {
        int[] out = new int[px.length];
        for (int ch = 0; ch < c; ch++) {
            long[] hist = new long[256];
            for (int i = ch; i < px.length; i += c) {
                hist[px[i]]++;
            }
            int[] table = lut.table(hist);
            for (int i = ch; i < px.length; i += c) {
                out[i] = table[px[i]];
            }
        }
        return out;
    }

    private static int[] identity() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            t[i] = i;
        }
        return t;
    }

    /** ImageOps.autocontrast with cutoff 0: stretch [lowest, highest] present value to [0, 255]. */
    private static int[] autocontrastLut(long[] hist) {
        int lo = 0;
        while (lo < 256 && hist[lo] == 0) {
            lo++;
        }
        int hi = 255;
        while (hi >= 0 && hist[hi] == 0) {
            hi--;
        }
        if (hi <= lo) {
            return identity();
        }
        double scale = 255.0 / (hi - lo);
        double offset = -lo * scale;
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int v = (int) (i * scale + offset);
            t[i] = Math.max(0, Math.min(255, v));
        }
        return t;
    }

    /** ImageOps.equalize: cumulative histogram spread in steps of (count - last bin) / 255. */
    private static int[] equalizeLut(long[] hist) {
        long total = 0;
        long last = 0;
        int nonZero = 0;
        for (long v : hist) {
            if (v > 0) {
                total += v;
                last = v;
                nonZero++;
            }
        }
        long step = nonZero <= 1 ? 0 : (total - last) / 255;
        if (step == 0) {
            return identity();
        }
        int[] t = new int[256];
        long n = step / 2;
        for (int i = 0; i < 256; i++) {
            t[i] = (int) Math.min(255, n / step);
            n += hist[i];
        }
        return t;
    }

    /** PIL Image.rotate(degrees) counter-clockwise about the centre, nearest neighbour, grey fill. */
    private static int[] rotate(int[] px, int h, int w, int c, double degrees) {
        double a = -Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double cx = w / 2.0;
        double cy = h / 2.0;
        double[] m = {cos, sin, 0, -sin, cos, 0};
        m[2] = cos * -cx + sin * -cy + cx;
        m[5] = -sin * -cx + cos * -cy + cy;
        return affine(px, h, w, c, m, false);
    }

    /**
     * PIL Image.transform(AFFINE, (a, b, c, d, e, f)): output pixel centre (x+0.5, y+0.5) samples the input
     * at (a·x + b·y + c, d·x + e·y + f); outside the input gives the fill colour.
     */
    private static int[] affine(int[] px, int h, int w, int c, double[] m, boolean bicubic) {
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double xin = m[0] * (x + 0.5) + m[1] * (y + 0.5) + m[2];
                double yin = m[3] * (x + 0.5) + m[4] * (y + 0.5) + m[5];
                int o = (y * w + x) * c;
                if (xin < 0 || yin < 0 || xin >= w || yin >= h) {
                    for (int ch = 0; ch < c; ch++) {
                        out[o + ch] = FILL;
                    }
                } else if (bicubic) {
                    for (int ch = 0; ch < c; ch++) {
                        out[o + ch] = bicubic(px, h, w, c, ch, xin - 0.5, yin - 0.5);
                    }
                } else {
                    System.arraycopy(px, ((int) yin * w + (int) xin) * c, out, o, c);
                }
            }
        }
        return out;
    }

    /** PIL's bicubic (a = -1 cubic convolution) with clamped neighbours. */
    private static int bicubic(int[] px, int h, int w, int c, int ch, double xin, double yin) {
        int x = (int) Math.floor(xin);
        int y = (int) Math.floor(yin);
        double dx = xin - x;
        double dy = yin - y;
        double[] rows = new double[4];
        for (int j = 0; j < 4; j++) {
            int yy = Math.max(0, Math.min(h - 1, y - 1 + j));
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                int xx = Math.max(0, Math.min(w - 1, x - 1 + i));
                v[i] = px[(yy * w + xx) * c + ch];
            }
            rows[j] = cubic(v, dx);
        }
        double r = cubic(rows, dy);
        return r <= 0 ? 0 : r >= 255 ? 255 : (int) Math.round(r);
    }

    private static double cubic(double[] v, double d) {
        double p1 = v[1];
        double p2 = -v[0] + v[2];
        double p3 = 2 * (v[0] - v[1]) + v[2] - v[3];
        double p4 = -v[0] + v[1] - v[2] + v[3];
        return p1 + d * (p2 + d * (p3 + d * p4));
    }
}
