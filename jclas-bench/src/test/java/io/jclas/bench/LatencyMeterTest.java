package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LatencyMeterTest {
    @Test
    void repeatedRoundsGiveTheMedianOfTheirMediansAndHalfTheirRange() {
        double[][] rounds = {{10, 11, 12}, {14, 15, 40}, {9, 12, 13}};
        LatencyResult r = LatencyMeter.summarise("onnxruntime", 1, 2, rounds, 1_000_000L, null);
        assertEquals(12.0, r.medianMs(), 1e-12, "medians 11, 15, 12");
        assertEquals(2.0, r.spreadMs(), 1e-12, "(15 - 11) / 2");
        assertEquals(0.0, LatencyMeter.summarise("pytorch", 1, 1, new double[] {3, 4}, 1, null).spreadMs());
    }

    @Test
    void gflopsAndFloorRatioFollowFromTheMedian() {
        // 1 GFLOP per image, batch 2, median 10 ms: 200 GFLOP/s; at a 400 GFLOP/s peak the floor is 5 ms
        LatencyResult r = LatencyMeter.summarise("pytorch", 2, 1, new double[] {12, 10, 9, 11, 10}, 1_000_000_000L, 400.0);
        assertEquals(10.0, r.medianMs(), 1e-12);
        assertEquals(11.6, r.p90Ms(), 1e-9);
        assertEquals(200.0, r.gflops(), 1e-9);
        assertEquals(2.0, r.floorRatio(), 1e-9);
        assertNull(LatencyMeter.summarise("pytorch", 1, 1, new double[] {1}, 1, null).floorRatio());
    }

    @Test
    void samplesOneTimePerIterationAfterTheWarmUp() {
        int[] calls = {0};
        ForwardRunner counting = new ForwardRunner() {
            @Override
            public void forward() {
                calls[0]++;
            }

            @Override
            public void close() {}
        };
        double[] ms = LatencyMeter.sample(counting, 3, 7);
        assertEquals(7, ms.length);
        assertEquals(10, calls[0]);
    }
}
