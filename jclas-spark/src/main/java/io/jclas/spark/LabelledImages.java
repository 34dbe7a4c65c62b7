package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.data.Datasets;
import io.jclas.data.FileDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A labelled image set as Spark rows {@code (path, label)}: listed on the driver by {@link Datasets},
 * exactly as {@code jclas eval} lists it (the same files, class ids and names), read and decoded on the
 * executors. The paths are local files: the executors must see the same filesystem (a local run, or a
 * network mount on a cluster).
 *
 * @param rows one row per image: {@code path} (string) and {@code label} (int class id)
 * @param classNames class names by id
 */
public record LabelledImages(Dataset<Row> rows, List<String> classNames) {
    public static final String LABEL = "label";
    private static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add(LABEL, DataTypes.IntegerType, false);

    /** ImageFolder: one sub-folder per class, sorted by name. */
    public static LabelledImages imageFolder(SparkSession spark, Path root, int partitions) {
        return of(spark, Datasets.imageFolder(root), partitions);
    }

    /** A PaddleClas file list ({@code relative/path.jpg label} lines below {@code imageRoot}). */
    public static LabelledImages fileList(SparkSession spark, Path imageRoot, Path list, Path classMap, String delimiter,
            int partitions) {
        return of(spark, Datasets.fileList(imageRoot, list, classMap, delimiter), partitions);
    }

    /** An ImageFolder when {@code input} is a folder, else a file list whose paths are relative to its folder. */
    public static LabelledImages load(SparkSession spark, Path input, int partitions) {
        Path absolute = input.toAbsolutePath();
        if (!Files.exists(absolute)) {
            throw new JclasException("input not found: " + input,
                    "pass an ImageFolder (one sub-folder per class) or a file list of 'relative/path.jpg label' lines");
        }
        return Files.isDirectory(absolute) ? imageFolder(spark, absolute, partitions)
                : fileList(spark, absolute.getParent(), absolute, null, " ", partitions);
    }

    /** @param partitions 0: {@link JobSetup#defaultPartitions} */
    private static LabelledImages of(SparkSession spark, FileDataset data, int partitions) {
        List<Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(RowFactory.create(data.file(i).toAbsolutePath().toString(), data.label(i)));
        }
        return new LabelledImages(spark.createDataFrame(JobSetup.parallelize(spark, rows, partitions), SCHEMA),
                data.classNames());
    }
}
