package io.jclas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spark predictions against the single-JVM Classifier, and the job's failure rules, in local[2]. */
class SparkClassifierTest {
    private static final int TOPK = 5;

    @TempDir
    Path tmp;

    /**
     * Every image of the fixture, over many partitions, read by binaryFile or listed on the driver and
     * read by the executors: labels equal, every top-5 score within 1e-5.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binaryFile", "local files"})
    void sparkPredictsWhatTheSingleJvmClassifierPredicts(String source) throws IOException {
        SparkSession spark = SparkFixture.spark();
        List<String> input = List.of(SparkFixture.images().toString());
        boolean binaryFile = source.equals("binaryFile");
        Dataset<Row> images = binaryFile ? SparkImages.read(spark, input) : SparkImages.load(spark, input, 6);
        assertEquals(binaryFile ? 4 : 1, images.columns().length);
        SparkOptions options = SparkOptions.defaults().withBatch(16).withTopk(TOPK).withPartitions(binaryFile ? 6 : 0);
        List<Row> rows = SparkClassifier.predict(images, SparkFixture.model(), options).collectAsList();

        List<Path> files = imageFiles(SparkFixture.images());
        assertTrue(files.size() >= SparkFixture.FASHION_IMAGES + SparkFixture.PHOTOS, "images: " + files.size());
        assertEquals(files.size(), rows.size());
        Map<String, Row> byFile = new HashMap<>();
        for (Row r : rows) {
            // binaryFile's paths are Hadoop paths (file:/a/b c.png, not URI-escaped)
            byFile.put(new org.apache.hadoop.fs.Path(r.getString(0)).toUri().getPath(), r);
        }
        int compared = 0;
        try (Classifier single = Classifier.load(SparkFixture.model())) {
            for (int from = 0; from < files.size(); from += 64) {
                List<Path> batch = files.subList(from, Math.min(files.size(), from + 64));
                List<List<Prediction>> expected = single.predictBatch(
                        batch.stream().map(io.jclas.data.ImageDecoding::read).toList(), TOPK);
                for (int i = 0; i < batch.size(); i++) {
                    Row r = byFile.get(batch.get(i).toString());
                    assertNotNull(r, "no Spark row for " + batch.get(i));
                    assertNull(r.get(5), "error for " + batch.get(i));
                    assertSame(expected.get(i), r, batch.get(i));
                    compared++;
                }
            }
        }
        assertEquals(files.size(), compared);
        // a model that answered one class for everything would make the comparison empty
        assertTrue(rows.stream().map(r -> r.getInt(2)).distinct().count() >= 3, "distinct classes predicted");
        // six partitions in two task threads, one session in this (driver = executor) JVM
        assertEquals(1, ExecutorClassifiers.openSessions());
    }

    private static void assertSame(List<Prediction> expected, Row r, Path file) {
        assertEquals(expected.get(0).label(), r.getString(1), "label of " + file);
        assertEquals(expected.get(0).classId(), r.getInt(2), "class id of " + file);
        assertEquals(expected.get(0).score(), r.getFloat(3), 1e-5, "score of " + file);
        List<Row> topk = r.getList(4);
        assertEquals(expected.size(), topk.size());
        for (int k = 0; k < topk.size(); k++) {
            assertEquals(expected.get(k).classId(), topk.get(k).getInt(0), "top-" + (k + 1) + " of " + file);
            assertEquals(expected.get(k).label(), topk.get(k).getString(1));
            assertEquals(expected.get(k).score(), topk.get(k).getFloat(2), 1e-5, "top-" + (k + 1) + " score of " + file);
        }
    }

    /** A damaged and a non-image file among good ones: rows with an error, the job succeeds. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binaryFile", "local files"})
    void badImagesBecomeErrorRowsAndTheJobSucceeds(String source) throws IOException {
        Path dir = tmp.resolve("mixed");
        SparkFixture.write(SparkFixture.photo(40, 30, 1), dir.resolve("good.jpg"), "jpg");
        SparkFixture.write(SparkFixture.photo(50, 30, 2), dir.resolve("sub/good.png"), "png");
        byte[] png = Files.readAllBytes(dir.resolve("sub/good.png"));
        Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Files.writeString(dir.resolve("notes.png"), "not an image");

        List<String> input = List.of(dir.toString());
        Dataset<Row> images = source.equals("binaryFile") ? SparkImages.read(SparkFixture.spark(), input)
                : SparkImages.load(SparkFixture.spark(), input, 0);
        Map<String, Row> byName = new HashMap<>();
        for (Row r : SparkClassifier.predict(images, SparkFixture.model(), SparkOptions.defaults()).collectAsList()) {
            byName.put(r.getString(0).substring(r.getString(0).indexOf("mixed/") + 6), r);
        }
        assertEquals(4, byName.size(), byName.keySet().toString());
        assertNull(byName.get("good.jpg").get(5));
        assertNull(byName.get("sub/good.png").get(5));
        assertEquals("cannot decode image: Error reading PNG image data", byName.get("truncated.png").getString(5));
        assertEquals("not an image (PNG, JPEG, BMP or GIF expected)", byName.get("notes.png").getString(5));
        assertNull(byName.get("notes.png").get(1));
        assertNull(byName.get("notes.png").get(4));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binaryFile", "local files"})
    void anEmptyDirectoryFailsBeforeTheJob(String source) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        Files.writeString(empty.resolve("readme.txt"), "no images here");
        JclasException e = assertThrows(JclasException.class, () -> images(source, tmp.resolve("empty")));
        assertEquals("no images in " + tmp.resolve("empty"), e.getMessage());
        assertTrue(e.getHint().contains(".png"), e.getHint());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binaryFile", "local files"})
    void aMissingInputPathFailsNamingIt(String source) {
        JclasException e = assertThrows(JclasException.class, () -> images(source, tmp.resolve("nowhere")));
        assertEquals("image path not found: " + tmp.resolve("nowhere"), e.getMessage());
    }

    /**
     * binaryFile's many small partitions are merged to four per core without a shuffle; a driver-listed
     * set already in the asked-for partitions is left as it is.
     */
    @Test
    void partitionsAreFourPerCoreOrAsAskedWithoutNeedlessShuffles() {
        SparkSession spark = SparkFixture.spark();
        List<String> input = List.of(SparkFixture.images().toString());
        int fourPerCore = 4 * spark.sparkContext().defaultParallelism();
        Dataset<Row> binary = SparkImages.read(spark, input);
        assertTrue(binary.rdd().getNumPartitions() > fourPerCore, "binaryFile partitions: " + binary.rdd().getNumPartitions());
        Dataset<Row> merged = JobSetup.partitioned(binary, SparkOptions.defaults());
        assertEquals(fourPerCore, merged.rdd().getNumPartitions());
        assertTrue(!merged.queryExecution().executedPlan().toString().contains("Exchange"), "no shuffle");

        Dataset<Row> listed = SparkImages.load(spark, input, 5);
        Dataset<Row> kept = JobSetup.partitioned(listed, SparkOptions.defaults().withPartitions(5));
        assertEquals(5, kept.rdd().getNumPartitions());
        assertTrue(!kept.queryExecution().executedPlan().toString().contains("Exchange"), "no shuffle");
        assertEquals(3, JobSetup.partitioned(listed, SparkOptions.defaults().withPartitions(3)).rdd().getNumPartitions());
        // fewer than four per core: kept, without a shuffle
        Dataset<Row> few = JobSetup.partitioned(listed, SparkOptions.defaults());
        assertEquals(5, few.rdd().getNumPartitions());
        assertTrue(!few.queryExecution().executedPlan().toString().contains("Exchange"), "no shuffle");
    }

    /** The driver ships a model once per application, however many jobs use it. */
    @Test
    void jobsOnTheSameModelShareOneBroadcast() {
        SparkSession spark = SparkFixture.spark();
        ModelFiles model = ModelFiles.read(SparkFixture.model());
        var first = JobSetup.broadcast(spark.sparkContext(), model);
        // the test's own assertSame compares predictions
        org.junit.jupiter.api.Assertions.assertSame(first,
                JobSetup.broadcast(spark.sparkContext(), ModelFiles.read(SparkFixture.model())));
        assertEquals(model.id(), first.value().id());
    }

    /** A list file names the images to classify, as `jclas predict` reads it. */
    @Test
    void aListFileNamesTheImages() throws IOException {
        SparkFixture.write(SparkFixture.photo(40, 30, 1), tmp.resolve("a/one.jpg"), "jpg");
        SparkFixture.write(SparkFixture.photo(50, 30, 2), tmp.resolve("a/two.png"), "png");
        Path list = Files.writeString(tmp.resolve("list.txt"), "a/two.png 3\n# a comment\na/one.jpg\n");
        List<Row> rows = SparkImages.load(SparkFixture.spark(), List.of(list.toString()), 0).collectAsList();
        assertEquals(List.of(tmp.resolve("a/two.png").toString(), tmp.resolve("a/one.jpg").toString()),
                rows.stream().map(r -> r.getString(0)).toList());
    }

    private static Dataset<Row> images(String source, Path input) {
        List<String> paths = List.of(input.toString());
        return source.equals("binaryFile") ? SparkImages.read(SparkFixture.spark(), paths)
                : SparkImages.load(SparkFixture.spark(), paths, 0);
    }

    /** The model is opened on the driver first: no job runs for a directory that is not there. */
    @Test
    void aMissingModelDirFailsBeforeAnyJob() {
        SparkSession spark = SparkFixture.spark();
        Dataset<Row> images = SparkImages.read(spark, List.of(SparkFixture.images().toString()));
        int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        JclasException e = assertThrows(JclasException.class,
                () -> SparkClassifier.predict(images, tmp.resolve("no-model"), SparkOptions.defaults()));
        assertEquals("model directory not found: " + tmp.resolve("no-model"), e.getMessage());
        assertEquals(jobsBefore, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length);
    }

    /** Parquet, CSV and JSON through Spark's writers; an existing output is refused. */
    @Test
    void writesEveryFormatAndRefusesAnExistingOutput() throws IOException {
        Path dir = tmp.resolve("few");
        for (int i = 0; i < 5; i++) {
            SparkFixture.write(SparkFixture.photo(40 + i, 30, i), dir.resolve("p" + i + ".jpg"), "jpg");
        }
        Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        SparkSession spark = SparkFixture.spark();
        Dataset<Row> predictions = SparkClassifier.predict(SparkImages.read(spark, List.of(dir.toString())),
                SparkFixture.model(), SparkOptions.defaults().withTopk(3));
        for (OutputFormat f : OutputFormat.values()) {
            String out = tmp.resolve("out." + f.source()).toString();
            SparkClassifier.Written w = SparkClassifier.write(predictions, out, f);
            assertEquals(6, w.images(), f.name());
            assertEquals(1, w.failed(), f.name());
            assertTrue(Files.exists(Path.of(out, "_SUCCESS")), "committer's marker for " + f);
        }
        Row first = spark.read().parquet(tmp.resolve("out.parquet").toString()).filter("error is null").first();
        assertEquals(3, first.getList(4).size());
        JclasException e = assertThrows(JclasException.class,
                () -> SparkClassifier.write(predictions, tmp.resolve("out.parquet").toString(), OutputFormat.PARQUET));
        assertEquals("output already exists: " + tmp.resolve("out.parquet"), e.getMessage());
    }

    /** Files as `jclas predict` takes them from a folder: images, recursively, sorted. */
    static List<Path> imageFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().toList());
        }
    }
}
