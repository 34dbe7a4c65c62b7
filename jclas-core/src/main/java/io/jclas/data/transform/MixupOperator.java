package io.jclas.data.transform;

import io.jclas.data.Batch;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code MixupOperator} (Zhang et al., ICLR 2018, arXiv:1710.09412): λ ~ Beta(α, α); each
 * image becomes λ·x + (1-λ)·x[perm] and its target λ·y + (1-λ)·y[perm].
 */
public final class MixupOperator implements BatchOp {
    private final double alpha;

    public MixupOperator(OpParams p) {
        this.alpha = Mixing.alpha(p);
    }

    public MixupOperator(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Batch apply(Batch b, int classNum, SplittableRandom rng) {
        double lambda = Beta.sample(rng, alpha);
        int[] partner = Mixing.permutation(b.n(), rng);
        return mix(b, classNum, lambda, partner);
    }

    /** Mixup with a given λ and partner order. */
    static Batch mix(Batch b, int classNum, double lambda, int[] partner) {
        int per = b.c() * b.h() * b.w();
        float[] src = b.images();
        float[] out = new float[src.length];
        float l = (float) lambda;
        for (int i = 0; i < b.n(); i++) {
            int a = i * per;
            int o = partner[i] * per;
            for (int k = 0; k < per; k++) {
                out[a + k] = l * src[a + k] + (1 - l) * src[o + k];
            }
        }
        float[] targets = Mixing.mix(Mixing.targets(b, classNum), partner, classNum, lambda);
        return new Batch(out, b.n(), b.c(), b.h(), b.w(), b.labels(), targets);
    }
}
