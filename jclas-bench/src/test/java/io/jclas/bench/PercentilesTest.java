package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Percentiles.median(new double[] {5, 1, 3, 2, 4}), 1e-12);
        assertEquals(2.5, Percentiles.median(new double[] {4, 1, 3, 2}), 1e-12);
        assertEquals(7.0, Percentiles.median(new double[] {7}), 1e-12);
    }

    @Test
    void p90InterpolatesBetweenRanksLikeNumpy() {
        double[] tenToOne = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        // numpy.percentile(range(1, 11), 90) == 9.1
        assertEquals(9.1, Percentiles.p90(tenToOne), 1e-12);
        assertEquals(1.0, Percentiles.quantile(tenToOne, 0), 1e-12);
        assertEquals(10.0, Percentiles.quantile(tenToOne, 1), 1e-12);
        assertEquals(3.25, Percentiles.quantile(new double[] {1, 2, 3, 4, 5}, 0.5625), 1e-12);
    }

    @Test
    void leavesTheSamplesUnsorted() {
        double[] s = {3, 1, 2};
        Percentiles.p90(s);
        assertArrayEquals(new double[] {3, 1, 2}, s);
    }

    @Test
    void rejectsEmptyInputAndBadQuantiles() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.quantile(new double[] {1}, 1.5));
    }
}
