package io.jclas.spark;

import io.jclas.JclasException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Image files as Spark's {@code binaryFile} rows ({@code path, modificationTime, length, content}). */
public final class SparkImages {
    /** The suffixes {@code jclas predict} takes from a folder, in both cases. */
    static final String IMAGE_GLOB = "*.{png,jpg,jpeg,bmp,gif,PNG,JPG,JPEG,BMP,GIF}";

    private SparkImages() {}

    /**
     * Every image file at or below {@code paths} (files, or folders searched recursively) on any
     * filesystem Spark reads (local, HDFS, S3 with its connector). A path that does not exist, or no
     * image at all, fails here, before any job.
     */
    public static Dataset<Row> read(SparkSession spark, List<String> paths) {
        if (paths.isEmpty()) {
            throw new JclasException("no image paths given", "pass a folder of images, image files or a list file");
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (String p : paths) {
            Path path = new Path(p);
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
}
