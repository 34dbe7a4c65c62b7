package io.jclas.bench.recommend;

import io.jclas.bench.MachineInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a recommendation found.
 *
 * @param machine where it was measured
 * @param loadAverage the higher one-minute load average of the run's start and end (NaN where
 *     unknown): above the core count, other processes were competing with the measurements
 * @param options what was asked
 * @param candidates every measured candidate, in measurement order
 * @param selection the pick, or why there is none, and the ranked candidates
 * @param predictors how well FLOPs and memory access rank the measured latencies
 * @param plot the Pareto plot written, or null when no candidate had an accuracy to plot
 */
public record RecommendReport(MachineInfo machine, double loadAverage, RecommendOptions options, List<Candidate> candidates,
        Selection.Result selection, List<LatencyPredictors> predictors, Path plot) {}
