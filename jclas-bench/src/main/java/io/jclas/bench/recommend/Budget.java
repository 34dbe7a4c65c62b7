package io.jclas.bench.recommend;

import io.jclas.JclasException;
import java.util.Locale;

/**
 * The limits a pick must stay within: a latency in milliseconds, a memory in MB, or both (NaN
 * for none). Latency is judged with its measured spread, so a model whose latency is within its
 * noise of the limit is neither in nor out.
 */
public record Budget(double latencyMs, double memoryMb) {

    /** How a candidate stands against the budget. */
    public enum Fit {
        /** Within every limit by more than the measured spread. */
        FITS,
        /** Within its measured spread of the latency limit: the measurement cannot tell. */
        EDGE,
        /** Over a limit, or not measurable against it. */
        OVER
    }

    /** The fit of a candidate and, unless it fits, why. */
    public record Verdict(Fit fit, String reason) {}

    public Budget {
        if (Double.isNaN(latencyMs) && Double.isNaN(memoryMb)) {
            throw new JclasException("no budget to choose within", "give --latency-ms 5, --memory-mb 100 or both");
        }
        if (latencyMs <= 0 || memoryMb <= 0) {
            throw new JclasException("budgets must be positive, got latency " + latencyMs + " ms, memory "
                    + memoryMb + " MB", "use e.g. --latency-ms 5 --memory-mb 100");
        }
    }

    public boolean hasLatency() {
        return !Double.isNaN(latencyMs);
    }

    public boolean hasMemory() {
        return !Double.isNaN(memoryMb);
    }

    /** The verdict on {@code c}: latency first (with its spread), then memory. */
    public Verdict judge(Candidate c) {
        if (overLatency(new RepeatedMedians.Latency(c.latencyMs(), c.spreadMs(), c.stoppedEarly()))) {
            return new Verdict(Fit.OVER, c.stoppedEarly()
                    ? String.format(Locale.ROOT, "stopped early: %.2f ms in the first round, clearly over %s",
                            c.latencyMs(), latency())
                    : String.format(Locale.ROOT, "%.2f ± %.2f ms is over %s", c.latencyMs(), c.spreadMs(), latency()));
        }
        if (hasMemory()) {
            if (!c.memoryMeasured()) {
                return new Verdict(Fit.OVER, "memory not measured" + (c.note().isEmpty() ? "" : ": " + c.note()));
            }
            if (c.memoryMb() > memoryMb) {
                return new Verdict(Fit.OVER, String.format(Locale.ROOT, "%.1f MB is over the %s MB memory budget",
                        c.memoryMb(), number(memoryMb)));
            }
        }
        if (hasLatency() && c.latencyMs() + c.spreadMs() > latencyMs) {
            return new Verdict(Fit.EDGE, String.format(Locale.ROOT, "%.2f ± %.2f ms is within its spread of %s",
                    c.latencyMs(), c.spreadMs(), latency()));
        }
        return new Verdict(Fit.FITS, "");
    }

    /** True when a measured latency is over the latency limit beyond its spread (or stopped early). */
    public boolean overLatency(RepeatedMedians.Latency l) {
        return hasLatency() && (l.stoppedEarly() || l.medianMs() - l.spreadMs() > latencyMs);
    }

    /** "the 5 ms budget", for messages. */
    String latency() {
        return "the " + number(latencyMs) + " ms budget";
    }

    /** The budget as a user wrote it: 5, 2.5. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
