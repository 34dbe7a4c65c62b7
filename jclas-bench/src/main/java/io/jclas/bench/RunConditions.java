package io.jclas.bench;

import java.util.Map;

/**
 * How busy the machine was and which anchors ran: a report measured on a busy machine is not a result.
 *
 * @param loadBefore one-minute load average (/proc/loadavg) when the run started; NaN where unknown
 * @param loadAfter the same when the last model was done
 * @param result whether the load at the start was at most {@link BenchmarkOptions#QUIET_LOAD}
 * @param torchAnchor versions of the PyTorch anchor, null when it did not run
 * @param torchPeakGflops the PyTorch anchor's own float32 matmul peak by thread count
 */
public record RunConditions(double loadBefore, double loadAfter, boolean result, String torchAnchor,
        Map<Integer, Double> torchPeakGflops) {

    public RunConditions {
        torchPeakGflops = Map.copyOf(torchPeakGflops);
    }
}
