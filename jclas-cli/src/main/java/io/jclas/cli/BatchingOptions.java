package io.jclas.cli;

import picocli.CommandLine.Option;

/** Mixin: the dynamic-batching settings of a prediction server (serve, benchmark serve). */
final class BatchingOptions {
    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "8",
            description = "Dynamic batching: most images per forward (default: ${DEFAULT-VALUE}; 1 = off).")
    int maxBatch;

    @Option(names = "--max-wait-ms", paramLabel = "MS", defaultValue = "5",
            description = "Dynamic batching: longest wait for a batch to fill (default: ${DEFAULT-VALUE}).")
    long maxWaitMs;
}
