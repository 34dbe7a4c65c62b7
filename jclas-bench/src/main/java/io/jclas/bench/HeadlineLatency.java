package io.jclas.bench;

import java.util.Comparator;
import java.util.List;

/**
 * The one latency a plot or ranking shows per model: the first engine of the run that measured
 * the model, at the smallest batch and the fewest threads (the seed's setting: batch 1, one board).
 */
public record HeadlineLatency(String engine, int batch, int threads) {

    /** The headline setting of a report, or null when no latency was measured. */
    public static HeadlineLatency of(BenchmarkReport report) {
        BenchmarkReport.Settings s = report.settings();
        int batch = s.batchSizes().stream().min(Comparator.naturalOrder()).orElse(1);
        int threads = s.threads().stream().min(Comparator.naturalOrder()).orElse(1);
        for (String engine : s.engines()) {
            HeadlineLatency h = new HeadlineLatency(engine, batch, threads);
            if (report.models().stream().anyMatch(m -> h.of(m) != null)) {
                return h;
            }
        }
        return null;
    }

    /** This setting's latency of {@code m}, or null. */
    public LatencyResult of(ModelResult m) {
        return m.latency(engine, batch, threads);
    }

    /** Models with this latency, fastest first. */
    public List<ModelResult> ranking(BenchmarkReport report) {
        return report.models().stream().filter(m -> of(m) != null)
                .sorted(Comparator.comparingDouble(m -> of(m).medianMs())).toList();
    }

    /** "onnxruntime, batch 1, 1 thread". */
    public String describe() {
        return engine + ", batch " + batch + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
