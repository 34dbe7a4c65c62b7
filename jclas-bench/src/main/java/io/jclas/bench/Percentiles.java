package io.jclas.bench;

import java.util.Arrays;

/** Percentiles of timing samples with linear interpolation between ranks (NumPy's default). */
public final class Percentiles {
    private Percentiles() {}

    /** The {@code q}-quantile (0..1) of {@code samples}; the array is not modified. */
    public static double quantile(double[] samples, double q) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile outside [0, 1]: " + q);
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    public static double median(double[] samples) {
        return quantile(samples, 0.5);
    }

    public static double p90(double[] samples) {
        return quantile(samples, 0.9);
    }
}
