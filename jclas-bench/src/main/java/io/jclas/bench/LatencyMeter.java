package io.jclas.bench;

import java.util.List;

/** Times forwards: warm-up calls first, then one wall-clock sample per timed call. */
public final class LatencyMeter {
    private LatencyMeter() {}

    /** Milliseconds of each of {@code iterations} forwards after {@code warmup} untimed ones. */
    public static double[] sample(ForwardRunner runner, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            runner.forward();
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            runner.forward();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /**
     * Milliseconds of each runner's forwards, run in turn iteration by iteration, so that a load change
     * on a shared machine hits them alike: {@code [runner][iteration]}.
     */
    public static double[][] interleaved(List<ForwardRunner> runners, int warmup, int iterations) {
        double[][] ms = new double[runners.size()][iterations];
        for (int i = -warmup; i < iterations; i++) {
            for (int r = 0; r < runners.size(); r++) {
                long t0 = System.nanoTime();
                runners.get(r).forward();
                if (i >= 0) {
                    ms[r][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return ms;
    }

    /**
     * The latency result of the samples: median, p90, GFLOP/s achieved at the median and the ratio
     * of the median to the floor set by {@code peakGflops} (null or non-positive: no ratio).
     */
    public static LatencyResult summarise(String engine, int batch, int threads, double[] ms, long flopsPerImage,
            Double peakGflops) {
        return summarise(engine, batch, threads, new double[][] {ms}, flopsPerImage, peakGflops);
    }

    /**
     * The same over repeated rounds of samples: the median is the median of the round medians, the
     * spread half their range (0 for one round), the p90 that of all samples together.
     */
    public static LatencyResult summarise(String engine, int batch, int threads, double[][] rounds,
            long flopsPerImage, Double peakGflops) {
        double[] medians = new double[rounds.length];
        double[] all = new double[0];
        for (int r = 0; r < rounds.length; r++) {
            medians[r] = Percentiles.median(rounds[r]);
            int at = all.length;
            all = java.util.Arrays.copyOf(all, at + rounds[r].length);
            System.arraycopy(rounds[r], 0, all, at, rounds[r].length);
        }
        double median = Percentiles.median(medians);
        double spread = (java.util.Arrays.stream(medians).max().orElseThrow()
                - java.util.Arrays.stream(medians).min().orElseThrow()) / 2;
        double work = (double) flopsPerImage * batch;
        double gflops = work / (median * 1e6);
        Double ratio = peakGflops == null || peakGflops <= 0 ? null : median / (work / (peakGflops * 1e6));
        return new LatencyResult(engine, batch, threads, median, Percentiles.p90(all), gflops, ratio, spread);
    }
}
