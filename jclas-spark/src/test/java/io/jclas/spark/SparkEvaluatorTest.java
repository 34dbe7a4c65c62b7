package io.jclas.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.data.Datasets;
import io.jclas.data.FileDataset;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import io.jclas.train.ClassificationMetrics;
import io.jclas.train.EvalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark evaluation against the same measurement made in one pass in one JVM. */
class SparkEvaluatorTest {
    private static EvalResult singleJvm;

    @TempDir
    Path tmp;

    /**
     * The single-JVM evaluation: the same files and labels (Datasets.imageFolder, as jclas eval lists
     * them), the single-JVM Classifier, every image into one ClassificationMetrics.
     */
    @BeforeAll
    static void evaluateInOneJvm() {
        FileDataset data = Datasets.imageFolder(SparkFixture.images());
        int classes = data.classNames().size();
        ClassificationMetrics metrics = new ClassificationMetrics(classes);
        try (Classifier classifier = Classifier.load(SparkFixture.model())) {
            for (int i = 0; i < data.size(); i++) {
                float[] scores = new float[classes];
                for (Prediction p : classifier.predict(data.file(i), classes)) {
                    scores[p.classId()] = p.score();
                }
                int label = data.label(i);
                metrics.add(scores, new int[] {label}, 1, -Math.log(scores[label]));
            }
        }
        singleJvm = metrics.result(data.classNames(), 0);
    }

    @Test
    void imageFolderEvaluationEqualsTheSingleJvmOne() {
        LabelledImages data = LabelledImages.imageFolder(SparkFixture.spark(), SparkFixture.images(), 7);
        SparkEvaluation e = SparkEvaluator.evaluate(data, SparkFixture.model(), SparkOptions.defaults().withBatch(24));
        assertEquals(0, e.failed());
        assertEqualResults(singleJvm, e.result());
    }

    /** A PaddleClas list of the same images (class ids, not folders, give the labels). */
    @Test
    void fileListEvaluationEqualsTheSingleJvmOne() throws IOException {
        FileDataset data = Datasets.imageFolder(SparkFixture.images());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            lines.add(SparkFixture.images().relativize(data.file(i)) + " " + data.label(i));
        }
        Path list = Files.write(tmp.resolve("val_list.txt"), lines);
        LabelledImages listed = LabelledImages.fileList(SparkFixture.spark(), SparkFixture.images(), list, null, " ", 0);
        SparkEvaluation e = SparkEvaluator.evaluate(listed, SparkFixture.model(), SparkOptions.defaults());
        assertEqualResults(singleJvm, e.result());
        assertEquals(SparkFixture.CLASSES, e.result().classNames(), "the model's labels when the list has only ids");
    }

    /** An unreadable image is left out and named; the others are measured. */
    @Test
    void aDamagedImageIsCountedAsFailedNotMeasured() throws IOException {
        Path root = tmp.resolve("set");
        SparkFixture.write(SparkFixture.photo(40, 30, 1), root.resolve("Trouser/a.jpg"), "jpg");
        SparkFixture.write(SparkFixture.photo(44, 30, 2), root.resolve("Dress/b.jpg"), "jpg");
        Files.writeString(root.resolve("Dress/c.jpg"), "not a jpeg");
        SparkEvaluation e = SparkEvaluator.evaluate(LabelledImages.load(SparkFixture.spark(), root, 0),
                SparkFixture.model(), SparkOptions.defaults());
        assertEquals(2, e.result().samples());
        assertEquals(1, e.failed());
        assertEquals(List.of(root.resolve("Dress/c.jpg").toAbsolutePath() + ": not an image (PNG, JPEG, BMP or GIF expected)"),
                e.failures());
    }

    @Test
    void moreClassesThanTheModelHasFailBeforeTheJob() throws IOException {
        Path root = tmp.resolve("eleven");
        for (int c = 0; c < 11; c++) {
            SparkFixture.write(SparkFixture.photo(20, 20, c), root.resolve("class" + c).resolve("x.png"), "png");
        }
        JclasException e = assertThrows(JclasException.class, () -> SparkEvaluator.evaluate(
                LabelledImages.load(SparkFixture.spark(), root, 0), SparkFixture.model(), SparkOptions.defaults()));
        assertEquals("the data set has 11 classes, the model 10", e.getMessage());
    }

    @Test
    void classesAreMatchedByNameWhenTheModelNamesThemAll() {
        List<String> model = List.of("zero", "one", "two");
        assertArrayEquals(new int[] {1, 2, 0}, SparkEvaluator.modelClassIds(List.of("one", "two", "zero"), model));
        assertArrayEquals(new int[] {0, 1}, SparkEvaluator.modelClassIds(List.of("two", "three"), model));
        assertArrayEquals(new int[] {0, 1, 2}, SparkEvaluator.modelClassIds(List.of("0", "1", "2"), List.of()));
    }

    private static void assertEqualResults(EvalResult expected, EvalResult actual) {
        assertEquals(SparkFixture.FASHION_IMAGES + SparkFixture.PHOTOS, actual.samples());
        assertEquals(expected.samples(), actual.samples());
        assertEquals(expected.top1(), actual.top1(), 1e-12);
        assertEquals(expected.top5(), actual.top5(), 1e-12);
        assertEquals(expected.loss(), actual.loss(), 1e-9);
        for (int c = 0; c < expected.confusion().length; c++) {
            assertArrayEquals(expected.confusion()[c], actual.confusion()[c], "confusion row " + c);
        }
        assertArrayEquals(expected.precision(), actual.precision(), 1e-12);
        assertArrayEquals(expected.recall(), actual.recall(), 1e-12);
        assertArrayEquals(expected.f1(), actual.f1(), 1e-12);
        assertTrue(actual.top5() > actual.top1(), "top-5 above top-1");
    }
}
