package io.jclas.data.transform;

import io.jclas.data.Batch;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code CutmixOperator} (Yun et al., ICCV 2019, arXiv:1905.04899): λ ~ Beta(α, α); a box of
 * side ratio sqrt(1-λ) around a uniform centre, clipped to the image, is pasted from the partner image;
 * λ is then recomputed from the pasted area and the targets mixed with it.
 */
public final class CutmixOperator implements BatchOp {
    private final double alpha;

    public CutmixOperator(OpParams p) {
        this.alpha = Mixing.alpha(p);
    }

    public CutmixOperator(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Batch apply(Batch b, int classNum, SplittableRandom rng) {
        double lambda = Beta.sample(rng, alpha);
        int[] partner = Mixing.permutation(b.n(), rng);
        int h = b.h();
        int w = b.w();
        double cut = Math.sqrt(1 - lambda);
        int cutW = (int) (w * cut);
        int cutH = (int) (h * cut);
        int cx = rng.nextInt(w);
        int cy = rng.nextInt(h);
        int x1 = clip(cx - cutW / 2, w);
        int y1 = clip(cy - cutH / 2, h);
        int x2 = clip(cx + cutW / 2, w);
        int y2 = clip(cy + cutH / 2, h);
        return paste(b, classNum, partner, x1, y1, x2, y2);
    }

    private static int clip(int v, int size) {
        return Math.max(0, Math.min(v, size));
    }

    /** Pastes box [x1,x2)×[y1,y2) of each partner; λ = 1 - box area / image area. */
    static Batch paste(Batch b, int classNum, int[] partner, int x1, int y1, int x2, int y2) {
        int h = b.h();
        int w = b.w();
        int plane = h * w;
        int per = b.c() * plane;
        float[] out = b.images().clone();
        for (int i = 0; i < b.n(); i++) {
            for (int ch = 0; ch < b.c(); ch++) {
                for (int y = y1; y < y2; y++) {
                    int row = ch * plane + y * w;
                    System.arraycopy(b.images(), partner[i] * per + row + x1, out, i * per + row + x1, x2 - x1);
                }
            }
        }
        double lambda = 1 - (double) (x2 - x1) * (y2 - y1) / plane;
        float[] targets = Mixing.mix(Mixing.targets(b, classNum), partner, classNum, lambda);
        return new Batch(out, b.n(), b.c(), b.h(), b.w(), b.labels(), targets);
    }
}
