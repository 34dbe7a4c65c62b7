package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.data.ImageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Image files as Spark rows: local files listed on the driver ({@link #files}, a {@code path} column;
 * the executors read them), or any filesystem through Spark's {@code binaryFile} source ({@link #read}:
 * {@code path, modificationTime, length, content}).
 */
public final class SparkImages {
    /** The suffixes {@code jclas predict} takes from a folder, in both cases. */
    static final String IMAGE_GLOB = "*.{png,jpg,jpeg,bmp,gif,PNG,JPG,JPEG,BMP,GIF}";

    private SparkImages() {}

    /**
     * The images of {@code inputs} (folders searched recursively, image files, {@code .txt} list files
     * as {@code jclas predict} reads them): {@link #files} when every input is on the local
     * filesystem, else {@link #read}. Local files skip {@code binaryFile}'s per-file work (Hadoop's
     * open with its checksum lookup, the driver's file index), which cost more than classifying a
     * small image.
     *
     * @param partitions the partitions of local files listed on the driver (0: four per core); a
     *     {@code binaryFile} DataFrame is split by the job ({@link SparkOptions#partitions})
     */
    public static Dataset<Row> load(SparkSession spark, List<String> inputs, int partitions) {
        requireSome(inputs);
        if (inputs.stream().allMatch(in -> isLocal(spark, in))) {
            return files(spark, ImageFiles.resolve(inputs.stream().map(SparkImages::localPath).toList()), partitions);
        }
        return read(spark, inputs);
    }

    /**
     * Local image files as rows of one {@code path} column (absolute paths), in {@code partitions}
     * partitions (0: four per core). The executors read the files, so on a cluster they must see the
     * same filesystem (a network mount).
     */
    public static Dataset<Row> files(SparkSession spark, List<Path> files, int partitions) {
        if (files.isEmpty()) {
            throw new JclasException("no image files given", "pass a folder of images, image files or a list file");
        }
        // strings, not Rows: Spark's string encoder is generated code, a Row's conversion is not
        List<String> paths = files.stream().map(f -> f.toAbsolutePath().toString()).toList();
        return spark.createDataset(JobSetup.parallelize(spark, paths, partitions).rdd(), Encoders.STRING()).toDF("path");
    }

    /**
     * Every image file at or below {@code paths} (files, or folders searched recursively) on any
     * filesystem Spark reads (local, HDFS, S3 with its connector). A path that does not exist, or no
     * image at all, fails here, before any job.
     */
    public static Dataset<Row> read(SparkSession spark, List<String> paths) {
        requireSome(paths);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (String p : paths) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
            try {
                if (!path.getFileSystem(hadoop).exists(path)) {
                    throw new JclasException("image path not found: " + p, "pass a folder of images or image files");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at " + p, e);
            }
        }
        Dataset<Row> images = spark.read().format("binaryFile")
                .option("recursiveFileLookup", "true")
                .option("pathGlobFilter", IMAGE_GLOB)
                .load(paths.toArray(String[]::new));
        if (images.inputFiles().length == 0) {
            throw new JclasException("no images in " + String.join(", ", paths),
                    "the folder should hold .png, .jpg, .jpeg, .bmp or .gif files (searched recursively)");
        }
        return images;
    }

    private static void requireSome(List<String> paths) {
        if (paths.isEmpty()) {
            throw new JclasException("no image paths given", "pass a folder of images, image files or a list file");
        }
    }

    /** Whether {@code input} is on the local filesystem (a path without a scheme is on Hadoop's default one). */
    private static boolean isLocal(SparkSession spark, String input) {
        try {
            FileSystem fs = new org.apache.hadoop.fs.Path(input).getFileSystem(spark.sparkContext().hadoopConfiguration());
            return "file".equals(fs.getScheme());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path localPath(String input) {
        return Path.of(new org.apache.hadoop.fs.Path(input).toUri().getPath());
    }
}
