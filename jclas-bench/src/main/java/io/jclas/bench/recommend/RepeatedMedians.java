package io.jclas.bench.recommend;

import io.jclas.JclasException;
import io.jclas.bench.ForwardRunner;
import io.jclas.bench.LatencyMeter;
import io.jclas.bench.Percentiles;
import java.util.Arrays;

/**
 * The latency protocol of a recommendation: warm-up forwards, then {@code repeats} rounds of
 * {@code iterations} timed forwards; the latency is the median of the round medians and the
 * spread half their range, so that noise from other processes shows as spread instead of hiding in
 * one number. A model whose fastest forward of the first few is already clearly over the budget
 * is not measured further.
 *
 * @param warmup untimed forwards before the first round
 * @param repeats rounds
 * @param iterations timed forwards per round
 */
public record RepeatedMedians(int warmup, int repeats, int iterations) {
    /** Over the budget by this factor even at its fastest forward: the model cannot fit. */
    static final double CLEARLY_OVER = 1.5;
    /** Forwards timed before the early-stop check. */
    static final int FIRST_LOOK = 3;

    public RepeatedMedians {
        if (warmup < 0 || repeats < 1 || iterations < 1) {
            throw new JclasException("warm-up must be at least 0, repeats and iterations at least 1, got " + warmup
                    + ", " + repeats + " and " + iterations, "use e.g. --warmup 5 --repeats 5 --iterations 10");
        }
    }

    /** The measured latency; {@code spreadMs} is NaN when the measurement stopped early. */
    public record Latency(double medianMs, double spreadMs, boolean stoppedEarly) {}

    /** Measures {@code runner}; {@code budgetMs} NaN means no early stop. */
    public Latency measure(ForwardRunner runner, double budgetMs) {
        double[] first = LatencyMeter.sample(runner, warmup, Math.min(FIRST_LOOK, iterations));
        if (Arrays.stream(first).min().orElseThrow() > CLEARLY_OVER * budgetMs) {
            return new Latency(Percentiles.median(first), Double.NaN, true);
        }
        double[] medians = new double[repeats];
        double[] rest = LatencyMeter.sample(runner, 0, iterations - first.length);
        medians[0] = Percentiles.median(concat(first, rest));
        for (int r = 1; r < repeats; r++) {
            medians[r] = Percentiles.median(LatencyMeter.sample(runner, 0, iterations));
        }
        double spread = (Arrays.stream(medians).max().orElseThrow() - Arrays.stream(medians).min().orElseThrow()) / 2;
        return new Latency(Percentiles.median(medians), spread, false);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
