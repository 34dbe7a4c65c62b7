package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void topkConfusionAndF1() {
        ClassificationMetrics m = new ClassificationMetrics(3);
        float[] logits = {
            0.9f, 0.1f, 0.0f,   // label 0, predicted 0
            0.2f, 0.5f, 0.3f,   // label 2, predicted 1 (label is 2nd)
            0.1f, 0.2f, 0.7f,   // label 2, predicted 2
            0.6f, 0.3f, 0.1f};  // label 1, predicted 0
        m.add(logits, new int[] {0, 2, 2, 1}, 4, 1.5);
        EvalResult r = m.result(List.of("a", "b", "c"), 10);
        assertEquals(0.5, r.top1(), 1e-12);
        assertEquals(1.0, r.top5(), 1e-12);            // top-5 capped at 3 classes
        assertEquals(1.5, r.loss(), 1e-12);
        assertArrayEquals(new long[] {1, 0, 0}, r.confusion()[0]);
        assertArrayEquals(new long[] {1, 0, 0}, r.confusion()[1]);
        assertArrayEquals(new long[] {0, 1, 1}, r.confusion()[2]);
        assertArrayEquals(new double[] {0.5, 0, 1}, r.precision(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0.5}, r.recall(), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 0, 2 / 3.0}, r.f1(), 1e-12);
    }

    /** Two halves measured apart and merged give what one pass gives (Spark's partitions). */
    @Test
    void mergedPartsEqualOnePass() {
        float[] first = {0.9f, 0.1f, 0.0f, 0.2f, 0.5f, 0.3f};
        float[] second = {0.1f, 0.2f, 0.7f, 0.6f, 0.3f, 0.1f};
        ClassificationMetrics whole = new ClassificationMetrics(3);
        whole.add(first, new int[] {0, 2}, 2, 1.0);
        whole.add(second, new int[] {2, 1}, 2, 2.0);
        ClassificationMetrics a = new ClassificationMetrics(3);
        a.add(first, new int[] {0, 2}, 2, 1.0);
        ClassificationMetrics b = new ClassificationMetrics(3);
        b.add(second, new int[] {2, 1}, 2, 2.0);
        EvalResult merged = a.merge(b).result(List.of("a", "b", "c"), 0);
        EvalResult expected = whole.result(List.of("a", "b", "c"), 0);
        assertEquals(4, merged.samples());
        assertEquals(expected.top1(), merged.top1(), 1e-12);
        assertEquals(expected.top5(), merged.top5(), 1e-12);
        assertEquals(1.5, merged.loss(), 1e-12);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(expected.confusion()[c], merged.confusion()[c]);
        }
        assertThrows(IllegalArgumentException.class, () -> a.merge(new ClassificationMetrics(4)));
    }
}
