package io.jclas.train;

/**
 * A learning rate per iteration (PaddleClas updates it every iteration, not every epoch). The
 * iteration counts from 0 at the start of training.
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate for the update at {@code iteration}. */
    double at(long iteration);

    /** A constant rate. */
    static LrSchedule constant(double lr) {
        return it -> lr;
    }

    /**
     * Cosine annealing from {@code base} to {@code etaMin} over {@code totalIters} (Paddle's
     * CosineAnnealingDecay): {@code etaMin + (base-etaMin) * (1+cos(pi*t/T))/2}.
     */
    static LrSchedule cosine(double base, double etaMin, long totalIters) {
        return it -> etaMin + (base - etaMin) * 0.5
                * (1 + Math.cos(Math.PI * Math.min(it, totalIters) / Math.max(1, totalIters)));
    }

    /** {@code values[i]} while fewer than {@code boundaries[i]} iterations passed; the last value after. */
    static LrSchedule piecewise(long[] boundaries, double[] values) {
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException(
                    "piecewise needs one value more than boundaries: " + values.length + " vs " + boundaries.length);
        }
        return it -> {
            int i = 0;
            while (i < boundaries.length && it >= boundaries[i]) {
                i++;
            }
            return values[i];
        };
    }

    /** {@code base * gamma^(t / stepIters)}. */
    static LrSchedule step(double base, long stepIters, double gamma) {
        return it -> base * Math.pow(gamma, it / Math.max(1, stepIters));
    }

    /**
     * Linear warmup from {@code startLr} to {@code inner}'s first value over {@code warmupIters}, then
     * {@code inner} counted from the end of warmup (Paddle's LinearWarmup).
     */
    static LrSchedule warmup(LrSchedule inner, long warmupIters, double startLr) {
        if (warmupIters <= 0) {
            return inner;
        }
        double end = inner.at(0);
        return it -> it < warmupIters
                ? startLr + (end - startLr) * it / (double) warmupIters
                : inner.at(it - warmupIters);
    }
}
