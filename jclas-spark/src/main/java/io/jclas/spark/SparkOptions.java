package io.jclas.spark;

import io.jclas.JclasException;
import java.io.Serializable;

/**
 * How a Spark job classifies its images.
 *
 * @param batch images per ONNX Runtime call inside a partition
 * @param topk classes kept per image in the {@code topk} column
 * @param threads intra-op threads of each executor's session; 0 = {@code spark.task.cpus}
 * @param partitions repartition the input into this many partitions first; 0 = keep Spark's split
 * @param pathColumn the input column naming each image ({@code binaryFile}'s {@code path})
 * @param contentColumn the input column with the encoded image ({@code binaryFile}'s {@code content})
 */
public record SparkOptions(int batch, int topk, int threads, int partitions, String pathColumn, String contentColumn)
        implements Serializable {

    public SparkOptions {
        if (batch < 1) {
            throw new JclasException("batch size is " + batch + ", expected at least 1", "pass --batch 32");
        }
        if (topk < 1) {
            throw new JclasException("topk is " + topk + ", expected at least 1", "pass --topk 5");
        }
        if (threads < 0 || partitions < 0) {
            throw new JclasException("threads and partitions must be >= 0 (got " + threads + ", " + partitions + ")",
                    "use 0 for Spark's own choice");
        }
    }

    /** Batches of 32, top-5, spark.task.cpus threads, Spark's partitions, binaryFile's columns. */
    public static SparkOptions defaults() {
        return new SparkOptions(32, 5, 0, 0, "path", "content");
    }

    public SparkOptions withBatch(int b) {
        return new SparkOptions(b, topk, threads, partitions, pathColumn, contentColumn);
    }

    public SparkOptions withTopk(int k) {
        return new SparkOptions(batch, k, threads, partitions, pathColumn, contentColumn);
    }

    public SparkOptions withThreads(int t) {
        return new SparkOptions(batch, topk, t, partitions, pathColumn, contentColumn);
    }

    public SparkOptions withPartitions(int p) {
        return new SparkOptions(batch, topk, threads, p, pathColumn, contentColumn);
    }

    public SparkOptions withColumns(String path, String content) {
        return new SparkOptions(batch, topk, threads, partitions, path, content);
    }
}
