package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void cosineWithWarmup() {
        // 10 epochs of 4 iterations, 2 warmup epochs: warmup 8 iterations, cosine over 32
        LrSchedule s = LrSchedule.warmup(LrSchedule.cosine(0.4, 0, 32), 8, 0);
        assertEquals(0.0, s.at(0), 1e-12);
        assertEquals(0.05, s.at(1), 1e-12);
        assertEquals(0.2, s.at(4), 1e-12);
        assertEquals(0.4, s.at(8), 1e-12);
        assertEquals(0.2, s.at(8 + 16), 1e-12);                       // half way: (1+cos(pi/2))/2
        assertEquals(0.4 * 0.5 * (1 + Math.cos(Math.PI * 8 / 32)), s.at(16), 1e-12);
        assertEquals(0.0, s.at(40), 1e-12);
    }

    @Test
    void cosineToEtaMin() {
        LrSchedule s = LrSchedule.cosine(1.0, 0.1, 10);
        assertEquals(1.0, s.at(0), 1e-12);
        assertEquals(0.55, s.at(5), 1e-12);
        assertEquals(0.1, s.at(10), 1e-12);
    }

    @Test
    void piecewiseAndStep() {
        LrSchedule p = LrSchedule.piecewise(new long[] {30, 60}, new double[] {0.1, 0.01, 0.001});
        assertEquals(0.1, p.at(29), 1e-12);
        assertEquals(0.01, p.at(30), 1e-12);
        assertEquals(0.001, p.at(1000), 1e-12);
        LrSchedule st = LrSchedule.step(0.1, 10, 0.5);
        assertEquals(0.1, st.at(9), 1e-12);
        assertEquals(0.05, st.at(10), 1e-12);
        assertEquals(0.025, st.at(25), 1e-12);
    }
}
