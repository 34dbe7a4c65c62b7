package io.jclas.spark;

import io.jclas.JclasException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the driver does before a predict or eval job: columns checked, model broadcast, threads chosen. */
final class JobSetup {
    /** Models broadcast by this driver's current Spark application, by model id (see {@link #broadcast}). */
    private static final Map<String, Broadcast<ModelFiles>> BROADCASTS = new HashMap<>();
    /** Models kept broadcast at once: a driver cycling through more ships the older ones again. */
    private static final int BROADCASTS_KEPT = 4;
    private static String broadcastsOf;

    private JobSetup() {}

    /**
     * A scorer whose sessions have {@code options.threads()} intra-op threads, or {@code spark.task.cpus}
     * (the cores Spark reserves for each task) when that is 0.
     */
    static PartitionScorer scorer(SparkSession spark, ModelFiles model, SparkOptions options, int topk) {
        int threads = options.threads() > 0 ? options.threads() : spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        return new PartitionScorer(broadcast(spark.sparkContext(), model), threads, options.batch(), topk);
    }

    /**
     * The broadcast of {@code model} in {@code sc}, made by the first job that needs it and reused by the
     * later ones: shipping a model costs the driver its serialization and compression each time (10-30 ms
     * for a 5 MB model, per job). Broadcasts dropped from this cache are cleaned up by Spark once no job
     * holds them; a new application (after the old context stopped) starts an empty cache.
     */
    static synchronized Broadcast<ModelFiles> broadcast(SparkContext sc, ModelFiles model) {
        if (!sc.applicationId().equals(broadcastsOf)) {
            BROADCASTS.clear();
            broadcastsOf = sc.applicationId();
        }
        Broadcast<ModelFiles> shipped = BROADCASTS.get(model.id());
        if (shipped == null) {
            if (BROADCASTS.size() >= BROADCASTS_KEPT) {
                BROADCASTS.clear();
            }
            shipped = JavaSparkContext.fromSparkContext(sc).broadcast(model);
            BROADCASTS.put(model.id(), shipped);
        }
        return shipped;
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

    /**
     * The index of the encoded-image column, or -1 when the input has none: then each row's path is
     * read as a local file on the executor.
     */
    static int contentField(Dataset<Row> data, SparkOptions options) {
        return Arrays.asList(data.columns()).contains(options.contentColumn())
                ? field(data, options.contentColumn(), "the encoded image") : -1;
    }

    /**
     * The input in {@code options.partitions()} partitions (a shuffle, unless it has that many), or
     * else in at most {@link #defaultPartitions} (a merge of neighbouring partitions, no shuffle; an
     * input with fewer keeps them). {@code binaryFile} counts 4 MB per file, so it puts only 32 small
     * images in a partition, and a task costs Spark about 5 ms of CPU time: on 10,000 Fashion-MNIST
     * PNGs the 313 tasks doubled the job's CPU time. Only the asked-for count looks at the input's
     * partitions: that plans the input's query, 30-60 ms of the driver's time per job.
     */
    static Dataset<Row> partitioned(Dataset<Row> data, SparkOptions options) {
        if (options.partitions() > 0) {
            return data.rdd().getNumPartitions() == options.partitions() ? data : data.repartition(options.partitions());
        }
        return data.coalesce(defaultPartitions(data.sparkSession()));
    }

    /** Four partitions per core of the session, so that a slow partition does not hold a core idle at the end. */
    static int defaultPartitions(SparkSession spark) {
        return 4 * spark.sparkContext().defaultParallelism();
    }

    /** {@code items} listed on the driver as an RDD in {@code partitions} slices (0: {@link #defaultPartitions}). */
    static <T> JavaRDD<T> parallelize(SparkSession spark, List<T> items, int partitions) {
        int slices = partitions > 0 ? partitions : defaultPartitions(spark);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return jsc.parallelize(items, Math.max(1, Math.min(slices, items.size())));
    }

    /** A lazy mapping of an iterator (a partition is never held whole). */
    static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(in, Spliterator.ORDERED), false).map(f).iterator();
    }
}
