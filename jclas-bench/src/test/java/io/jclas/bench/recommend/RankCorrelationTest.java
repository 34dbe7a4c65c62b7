package io.jclas.bench.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jclas.analysis.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void monotoneOrdersGiveOneAndMinusOne() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, RankCorrelation.spearman(x, new double[] {10, 20, 30, 1000}), 1e-12);
        assertEquals(-1.0, RankCorrelation.spearman(x, new double[] {4, 3, 2, 1}), 1e-12);
    }

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, RankCorrelation.ranks(new double[] {5, 6, 7, 8, 7}));
        // numpy: corrcoef of the ranks [1..5] and [1, 2, 3.5, 5, 3.5]
        assertEquals(0.8207826816681234, RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5},
                new double[] {5, 6, 7, 8, 7}), 1e-12);
        assertEquals(0.8, RankCorrelation.spearman(new double[] {10, 20, 30, 40}, new double[] {1, 3, 2, 4}), 1e-12);
    }

    @Test
    void tooFewModelsGiveNoFigure() {
        assertEquals(Double.NaN, RankCorrelation.spearman(new double[] {1, 2}, new double[] {2, 1}));
    }

    @Test
    void predictorsCountEachArchitectureOncePerFamily() {
        Candidate a = fake("A", "F", 100, 900, 1.0);
        Candidate b = fake("B", "F", 200, 800, 2.0);
        Candidate c = fake("C", "F", 300, 700, 3.0);
        Candidate d = fake("D", "G", 50, 100, 9.0);
        // an alias of A: same measurement, must not count twice
        List<LatencyPredictors> rows = LatencyPredictors.of(List.of(a, b, c, a.as("A_ssld", 0.8), d));
        assertEquals(2 + 1, rows.size());
        LatencyPredictors f = rows.get(0);
        assertEquals("F", f.family());
        assertEquals(3, f.models());
        assertEquals(1.0, f.flopsRho(), 1e-12);
        assertEquals(-1.0, f.memoryAccessRho(), 1e-12);
        assertEquals(Double.NaN, rows.get(1).flopsRho());
        LatencyPredictors all = rows.get(2);
        assertEquals(LatencyPredictors.ALL, all.family());
        assertEquals(4, all.models());
        assertEquals(-0.2, all.flopsRho(), 1e-12); // D: fewest FLOPs, slowest
    }

    private static Candidate fake(String name, String family, long flops, long access, double ms) {
        return new Candidate(name, name, family, Precision.FP32, 0.7, flops, access, ms, 0.1, false, -1, "");
    }
}
