package io.jclas.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.jclas.JclasException;
import io.jclas.infer.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies a DataFrame of encoded images on Spark with an inference directory: one ONNX Runtime
 * session per executor JVM, images decoded and batched inside each partition.
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load("images/");
 * Dataset<Row> classes = SparkClassifier.predict(images, Path.of("output/inference"), SparkOptions.defaults());
 * SparkClassifier.write(classes, "classes.parquet", OutputFormat.PARQUET);
 * }</pre>
 */
public final class SparkClassifier {
    /** One of the top-k classes of an image. */
    public static final StructType TOPK_ENTRY = new StructType()
            .add("class_id", DataTypes.IntegerType)
            .add("label", DataTypes.StringType)
            .add("score", DataTypes.FloatType);

    /**
     * The result: the best class ({@code label, class_id, score}), the top-k, and {@code error}, which is
     * null except for an image that could not be decoded or classified (its other columns are null).
     */
    public static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("class_id", DataTypes.IntegerType)
            .add("score", DataTypes.FloatType)
            .add("topk", DataTypes.createArrayType(TOPK_ENTRY))
            .add("error", DataTypes.StringType);

    private SparkClassifier() {}

    /**
     * The classes of each image of {@code images}, lazily: nothing runs until the result is written or
     * collected. The rows name the image in {@code options.pathColumn()} and hold its encoded bytes in
     * {@code options.contentColumn()} ({@code binaryFile}'s rows), or, without that column, name a local
     * file that the executor reads ({@link SparkImages#files}).
     * The model directory is opened on the driver first, so that a missing or damaged model fails
     * here, before any job.
     */
    public static Dataset<Row> predict(Dataset<Row> images, Path inferenceDir, SparkOptions options) {
        ModelFiles model = ModelFiles.read(inferenceDir);
        int path = JobSetup.field(images, options.pathColumn(), "the image's name");
        int content = JobSetup.contentField(images, options);
        PartitionScorer scorer = JobSetup.scorer(images.sparkSession(), model, options, options.topk());
        return JobSetup.partitioned(images, options).mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows ->
                        JobSetup.map(scorer.score(rows, path, content), s -> toRow(s, path)),
                Encoders.row(SCHEMA));
    }

    private static Row toRow(Scored s, int pathField) {
        String path = s.row().getString(pathField);
        if (s.error() != null) {
            return RowFactory.create(path, null, null, null, null, s.error());
        }
        List<Prediction> top = s.predictions();
        Row[] entries = top.stream().map(p -> RowFactory.create(p.classId(), p.label(), p.score())).toArray(Row[]::new);
        Prediction best = top.get(0);
        return RowFactory.create(path, best.label(), best.classId(), best.score(), entries, null);
    }

    /** How many images a written result holds, and how many of them have an error. */
    public record Written(long images, long failed) {}

    /**
     * Runs the job and writes its result to {@code output} through Spark's committer (files appear
     * when the job succeeds; a failed job leaves no partial result). CSV gets {@code topk} as JSON
     * text, its one column that CSV cannot hold. An existing output is refused before the job starts.
     */
    public static Written write(Dataset<Row> predictions, String output, OutputFormat format) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(output);
        try {
            FileSystem fs = target.getFileSystem(predictions.sparkSession().sparkContext().hadoopConfiguration());
            if (fs.exists(target)) {
                throw new JclasException("output already exists: " + output,
                        "choose a new output path or remove the old result first");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the output path " + output, e);
        }
        Dataset<Row> out = format == OutputFormat.CSV ? predictions.withColumn("topk", to_json(col("topk"))) : predictions;
        out.write().format(format.source()).option("header", "true").save(output);
        Dataset<Row> back = predictions.sparkSession().read().format(format.source()).option("header", "true").load(output);
        // JSON leaves null fields out: a result without errors read back has no error column
        boolean anyError = Arrays.asList(back.columns()).contains("error");
        return new Written(back.count(), anyError ? back.filter(col("error").isNotNull()).count() : 0);
    }
}
