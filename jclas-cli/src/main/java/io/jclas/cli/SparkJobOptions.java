package io.jclas.cli;

import io.jclas.spark.SparkOptions;
import picocli.CommandLine.Option;

/** Mixin: where a Spark job runs and how it batches. */
final class SparkJobOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (embedded, every core), local[N], or a cluster's URL (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Images per ONNX Runtime call inside a partition (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions of the image set; 0 = four per core (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads of each executor's session; 0 = spark.task.cpus (default: ${DEFAULT-VALUE}).")
    int threads;

    SparkOptions options() {
        return SparkOptions.defaults().withBatch(batch).withPartitions(partitions).withThreads(threads);
    }
}
