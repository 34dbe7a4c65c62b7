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
 */
public record LatencyResult(
        String engine, int batch, int threads, double medianMs, double p90Ms, double gflops, Double floorRatio) {}
