package io.jclas.onnx.quant;

/**
 * What calibration records of one tensor: its minimum and maximum (first pass) and a histogram of
 * |x| over [0, max|x|] in {@link #BINS} bins (second pass, for percentile and entropy).
 */
final class RangeStats {
    static final int BINS = 2048;
    static final double PERCENTILE = 99.99;
    /** The levels of one sign of int8, TensorRT's target histogram size for a two-sided tensor. */
    private static final int SIGNED_LEVELS = 128;
    /** uint8 spends all its levels on one side when the tensor never goes below 0 (after ReLU). */
    private static final int UNSIGNED_LEVELS = 255;

    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;
    private long[] histogram;

    void addMinMax(float[] values) {
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
    }

    void addHistogram(float[] values) {
        if (histogram == null) {
            histogram = new long[BINS];
        }
        float width = absMax() / BINS;
        if (width == 0f) {
            histogram[0] += values.length;
            return;
        }
        for (float v : values) {
            histogram[Math.min(BINS - 1, (int) (Math.abs(v) / width))]++;
        }
    }

    private float absMax() {
        return Math.max(Math.abs(min), Math.abs(max));
    }

    /** The calibrated [min, max] by {@code method}. */
    float[] range(CalibrationMethod method) {
        if (method == CalibrationMethod.MINMAX || histogram == null || absMax() == 0f) {
            return new float[] {min, max};
        }
        float width = absMax() / BINS;
        float threshold = (method == CalibrationMethod.PERCENTILE ? percentileBin() + 1 : entropyBins()) * width;
        return new float[] {Math.max(min, -threshold), Math.min(max, threshold)};
    }

    /** The first bin at which the cumulative share of |x| reaches the percentile. */
    private int percentileBin() {
        long total = 0;
        for (long h : histogram) {
            total += h;
        }
        long cumulative = 0;
        for (int i = 0; i < BINS; i++) {
            cumulative += histogram[i];
            if (cumulative >= total * (PERCENTILE / 100.0)) {
                return i;
            }
        }
        return BINS - 1;
    }

    /**
     * TensorRT's entropy calibration: for every candidate of i bins (levels..2048), P is the histogram
     * cut at i with the outliers added to its last bin, Q is P merged into {@code levels} levels and
     * spread back over the non-empty bins; the i of least KL(P || Q) is the threshold in bins. Two
     * changes for uint8 activations: a tensor that is never negative gets 255 levels, not 128, and
     * the first bin (|x| below max/2048: ReLU's zeros) is left out of P and Q. Zero is exactly
     * representable at any threshold, and its spike would otherwise make the finest cut look best.
     */
    private int entropyBins() {
        int levels = min >= 0 ? UNSIGNED_LEVELS : SIGNED_LEVELS;
        long[] h = histogram.clone();
        h[0] = 0;
        int best = BINS;
        double bestKl = Double.POSITIVE_INFINITY;
        for (int i = levels; i <= BINS; i++) {
            double kl = divergence(h, i, levels);
            if (kl < bestKl) {
                bestKl = kl;
                best = i;
            }
        }
        return best;
    }

    private static double divergence(long[] histogram, int bins, int levels) {
        double[] p = new double[bins];
        for (int j = 0; j < BINS; j++) {
            p[Math.min(j, bins - 1)] += histogram[j];
        }
        double[] q = new double[bins];
        double perLevel = (double) bins / levels;
        for (int level = 0; level < levels; level++) {
            int from = (int) Math.floor(level * perLevel);
            int to = level == levels - 1 ? bins : (int) Math.floor((level + 1) * perLevel);
            double sum = 0;
            int nonEmpty = 0;
            for (int j = from; j < to; j++) {
                // the reference before its outliers were folded in: TensorRT quantizes the cut histogram
                double count = j == bins - 1 ? histogram[j] : p[j];
                sum += count;
                nonEmpty += count > 0 ? 1 : 0;
            }
            for (int j = from; j < to; j++) {
                double count = j == bins - 1 ? histogram[j] : p[j];
                q[j] = count > 0 ? sum / nonEmpty : 0;
            }
        }
        return klDivergence(p, q);
    }

    private static double klDivergence(double[] p, double[] q) {
        double sumP = 0;
        double sumQ = 0;
        for (int j = 0; j < p.length; j++) {
            sumP += p[j];
            sumQ += q[j];
        }
        double kl = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) {
                // a bin P has and Q lacks: TensorRT smooths it with a tiny mass instead of infinity
                double qj = q[j] > 0 ? q[j] / sumQ : 1e-10;
                kl += p[j] / sumP * Math.log(p[j] / sumP / qj);
            }
        }
        return kl;
    }
}
