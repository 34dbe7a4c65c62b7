package io.jclas.spark;

import io.jclas.JclasException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the driver does before a predict or eval job: columns checked, model broadcast, threads chosen. */
final class JobSetup {
    private JobSetup() {}

    /**
     * A scorer whose sessions have {@code options.threads()} intra-op threads, or {@code spark.task.cpus}
     * (the cores Spark reserves for each task) when that is 0.
     */
    static PartitionScorer scorer(SparkSession spark, ModelFiles model, SparkOptions options, int topk) {
        int threads = options.threads() > 0 ? options.threads() : spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return new PartitionScorer(jsc.broadcast(model), threads, options.batch(), topk);
    }

    /** The index of {@code column} in {@code data}'s rows; a missing column fails naming those there are. */
    static int field(Dataset<Row> data, String column, String what) {
        List<String> columns = Arrays.asList(data.columns());
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new JclasException("the input has no column '" + column + "' (" + what + "); its columns: " + columns,
                    "read images with spark.read().format(\"binaryFile\") or name the columns in SparkOptions.withColumns");
        }
        return i;
    }

    /** The input in {@code options.partitions()} partitions, or as Spark split it. */
    static Dataset<Row> partitioned(Dataset<Row> data, SparkOptions options) {
        return options.partitions() > 0 ? data.repartition(options.partitions()) : data;
    }

    /** A lazy mapping of an iterator (a partition is never held whole). */
    static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(in, Spliterator.ORDERED), false).map(f).iterator();
    }
}
