package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code RandomErasing} (Zhong et al., AAAI 2020, arXiv:1708.04896): with probability
 * {@code EPSILON} (0.5), up to {@code attempt} (100) times draw a box of area fraction uniform in
 * [{@code sl}, {@code sh}] ([0.02, 0.4]) and aspect ratio in [{@code r1}, 1/{@code r1}] (0.3; log-uniform
 * with {@code use_log_aspect}); the first box that fits is filled by {@code mode}: {@code const} (the
 * {@code mean} values), {@code rand} (one normal draw per channel) or {@code pixel} (a normal draw per
 * value). Usually placed after NormalizeImage.
 */
public final class RandomErasing implements ImageOp {
    private final double probability;
    private final double sl;
    private final double sh;
    private final double[] aspect;
    private final boolean logAspect;
    private final int attempts;
    private final double[] mean;
    private final String mode;

    public RandomErasing(OpParams p) {
        this.probability = p.getDouble("EPSILON", 0.5);
        this.sl = p.getDouble("sl", 0.02);
        this.sh = p.getDouble("sh", 0.4);
        double r1 = p.getDouble("r1", 0.3);
        this.logAspect = p.getBool("use_log_aspect", false);
        this.attempts = p.getInt("attempt", 100);
        double[] m = p.getDoubles("mean");
        this.mean = m == null ? new double[] {0, 0, 0} : m;
        this.mode = p.getString("mode", "const");
        if (!mode.equals("const") && !mode.equals("rand") && !mode.equals("pixel")) {
            throw p.bad("mode", "const, rand or pixel", mode);
        }
        if (!(r1 > 0) || sl < 0 || sh < sl) {
            throw p.bad("r1/sl/sh", "r1 > 0 and 0 <= sl <= sh", r1 + "/" + sl + "/" + sh);
        }
        this.aspect = logAspect ? new double[] {Math.log(r1), Math.log(1 / r1)} : new double[] {r1, 1 / r1};
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        img.requireHwc("RandomErasing");
        if (rng.nextDouble() > probability) {
            return img;
        }
        int ih = img.h();
        int iw = img.w();
        int c = img.c();
        for (int t = 0; t < attempts; t++) {
            double target = RandCropImage.uniform(rng, sl, sh) * ih * iw;
            double ratio = RandCropImage.uniform(rng, Math.min(aspect[0], aspect[1]), Math.max(aspect[0], aspect[1]));
            if (logAspect) {
                ratio = Math.exp(ratio);
            }
            int h = (int) Math.rint(Math.sqrt(target * ratio));
            int w = (int) Math.rint(Math.sqrt(target / ratio));
            if (w < iw && h < ih) {
                float[] fill = fill(rng, c);
                int y0 = rng.nextInt(ih - h + 1);
                int x0 = rng.nextInt(iw - w + 1);
                float[] out = img.pixels().clone();
                for (int y = y0; y < y0 + h; y++) {
                    for (int x = x0; x < x0 + w; x++) {
                        for (int ch = 0; ch < c; ch++) {
                            out[(y * iw + x) * c + ch] = mode.equals("pixel") ? (float) Beta.gaussian(rng) : fill[ch];
                        }
                    }
                }
                return new Image(out, ih, iw, c);
            }
        }
        return img;
    }

    private float[] fill(SplittableRandom rng, int c) {
        float[] f = new float[c];
        for (int ch = 0; ch < c; ch++) {
            f[ch] = mode.equals("rand") ? (float) Beta.gaussian(rng) : (float) mean[Math.min(ch, mean.length - 1)];
        }
        return f;
    }
}
