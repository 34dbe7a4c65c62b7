package io.jclas.bench.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their mean rank. */
public final class RankCorrelation {
    private RankCorrelation() {}

    /** rho of x and y (same length); NaN for fewer than 3 pairs or when either has no variation. */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " and " + y.length);
        }
        if (x.length < 3) {
            return Double.NaN;
        }
        return pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks; a run of equal values gets the mean of the ranks it spans. */
    static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .toArray(Integer[]::new);
        double[] rank = new double[v.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                rank[order[k]] = mean;
            }
            start = end + 1;
        }
        return rank;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
    }
}
