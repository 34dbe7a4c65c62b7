package io.jclas.bench;

/**
 * One latency measurement of a model.
 *
 * @param engine engine id ({@link InferenceEngine#id()})
 * @param batch images per forward
 * @param threads intra-op threads
 * @param medianMs median wall time of one forward, milliseconds
 * @param p90Ms 90th percentile of the same
 * @param gflops achieved GFLOP/s at the median: FLOPs x batch / median
 * @param floorRatio median divided by the floor (the time the forward's FLOPs take at the machine's
 *     measured matmul peak for this thread count); 1 would be peak speed, null when no peak is known
 * @param spreadMs half the range of the round medians over {@code --repeats} rounds (0 for one round;
 *     NaN where the rounds are not known, as for the PyTorch anchor)
 */
public record LatencyResult(String engine, int batch, int threads, double medianMs, double p90Ms, double gflops,
        Double floorRatio, double spreadMs) {}
