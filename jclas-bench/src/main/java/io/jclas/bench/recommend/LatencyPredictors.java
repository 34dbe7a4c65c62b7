package io.jclas.bench.recommend;

import io.jclas.analysis.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How well FLOPs and memory access each rank the measured latencies on this machine, per family
 * and over all candidates: the ShuffleNetV2 paper's claim (FLOPs are an indirect metric) tested on
 * the user's own machine. Each architecture counts once (weight-variant aliases share its
 * measurement).
 *
 * @param family a family title, or "all"
 * @param precision the precision of the measurements
 * @param models architectures in the group
 * @param flopsRho Spearman's rho of FLOPs and latency, NaN for fewer than 3 models
 * @param memoryAccessRho the same for memory access
 */
public record LatencyPredictors(String family, Precision precision, int models, double flopsRho,
        double memoryAccessRho) {

    public static final String ALL = "all";

    /** One row per family with its models, and one for all of them, per precision. */
    public static List<LatencyPredictors> of(List<Candidate> candidates) {
        Map<String, Candidate> architectures = new LinkedHashMap<>();
        candidates.forEach(c -> architectures.putIfAbsent(c.architecture() + "/" + c.precision(), c));
        List<LatencyPredictors> rows = new ArrayList<>();
        for (Precision p : Precision.values()) {
            List<Candidate> measured = architectures.values().stream().filter(c -> c.precision() == p).toList();
            if (measured.isEmpty()) {
                continue;
            }
            Map<String, List<Candidate>> byFamily = new LinkedHashMap<>();
            measured.forEach(c -> byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c));
            byFamily.forEach((family, group) -> rows.add(row(family, p, group)));
            if (byFamily.size() > 1) {
                rows.add(row(ALL, p, measured));
            }
        }
        return rows;
    }

    private static LatencyPredictors row(String family, Precision p, List<Candidate> group) {
        double[] latency = values(group, Candidate::latencyMs);
        return new LatencyPredictors(family, p, group.size(),
                RankCorrelation.spearman(values(group, c -> c.flops()), latency),
                RankCorrelation.spearman(values(group, c -> c.memoryAccessBytes()), latency));
    }

    private static double[] values(List<Candidate> group, ToDoubleFunction<Candidate> f) {
        return group.stream().mapToDouble(f).toArray();
    }
}
