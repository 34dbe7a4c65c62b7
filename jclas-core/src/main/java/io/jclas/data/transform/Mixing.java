package io.jclas.data.transform;

import io.jclas.data.Batch;
import java.util.SplittableRandom;

/** What mixup and cutmix share: the partner permutation and the λ-weighted soft targets. */
final class Mixing {
    private Mixing() {}

    /** A random permutation of 0..n-1 (Fisher-Yates), the partner of each sample. */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** One-hot targets of the batch's labels, or its existing soft targets. */
    static float[] targets(Batch b, int classNum) {
        if (b.softTargets() != null) {
            return b.softTargets();
        }
        float[] t = new float[b.n() * classNum];
        for (int i = 0; i < b.n(); i++) {
            t[i * classNum + b.labels()[i]] = 1f;
        }
        return t;
    }

    /** λ·targets[i] + (1-λ)·targets[partner[i]] for every row. */
    static float[] mix(float[] targets, int[] partner, int classNum, double lambda) {
        float[] out = new float[targets.length];
        float l = (float) lambda;
        for (int i = 0; i < partner.length; i++) {
            for (int k = 0; k < classNum; k++) {
                out[i * classNum + k] = l * targets[i * classNum + k] + (1 - l) * targets[partner[i] * classNum + k];
            }
        }
        return out;
    }

    static double alpha(OpParams p) {
        double a = p.getDouble("alpha", 1.0);
        if (!(a > 0)) {
            throw p.bad("alpha", "a positive number", a);
        }
        return a;
    }
}
