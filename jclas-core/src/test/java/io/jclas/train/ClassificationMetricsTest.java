package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
