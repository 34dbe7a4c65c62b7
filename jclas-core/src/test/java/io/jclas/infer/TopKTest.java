package io.jclas.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void ranksSoftmaxScoresBestFirst() {
        float[] logits = {1f, 3f, 2f, 3f, -1f};
        List<Prediction> top = TopK.rows(logits, 1, 5, 3, List.of("a", "b", "c"), false).get(0);
        assertEquals(3, top.size());
        // equal logits: the lower class id first
        assertEquals(1, top.get(0).classId());
        assertEquals("b", top.get(0).label());
        assertEquals(3, top.get(1).classId());
        assertEquals("class_3", top.get(1).label());
        assertEquals(2, top.get(2).classId());
        double z = Math.exp(1) + 2 * Math.exp(3) + Math.exp(2) + Math.exp(-1);
        assertEquals(Math.exp(3) / z, top.get(0).score(), 1e-6);
        assertEquals(Math.exp(2) / z, top.get(2).score(), 1e-6);
    }

    @Test
    void rowsAreIndependentAndKIsCapped() {
        float[] logits = {0f, 10f, 10f, 0f};
        List<List<Prediction>> rows = TopK.rows(logits, 2, 2, 5, List.of(), false);
        assertEquals(2, rows.get(0).size());
        assertEquals(1, rows.get(0).get(0).classId());
        assertEquals(0, rows.get(1).get(0).classId());
        assertEquals(1.0, rows.get(1).get(0).score() + rows.get(1).get(1).score(), 1e-6);
    }

    @Test
    void hugeLogitsStayFinite() {
        float[] row = {1000f, 999f, -1000f};
        TopK.softmaxInPlace(row);
        assertEquals(1 / (1 + Math.exp(-1)), row[0], 1e-6);
        assertEquals(0f, row[2]);
    }

    @Test
    void probabilitiesAreKeptAsTheyAre() {
        float[] probs = {0.1f, 0.7f, 0.2f};
        assertTrue(TopK.looksLikeProbabilities(probs, 1, 3));
        assertFalse(TopK.looksLikeProbabilities(new float[] {0.1f, 0.7f, 0.3f}, 1, 3));
        assertFalse(TopK.looksLikeProbabilities(new float[] {-0.1f, 0.9f, 0.2f}, 1, 3));
        assertEquals(0.7f, TopK.rows(probs, 1, 3, 1, List.of(), true).get(0).get(0).score());
    }
}
