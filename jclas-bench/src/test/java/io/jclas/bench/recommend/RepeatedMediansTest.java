package io.jclas.bench.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.bench.ForwardRunner;
import org.junit.jupiter.api.Test;

/** The protocol's forward counts; no timing is asserted beyond signs. */
class RepeatedMediansTest {

    /** Counts forwards; each takes well over a nanosecond, so any budget of 1e-9 ms is clearly exceeded. */
    private static final class Counting implements ForwardRunner {
        int forwards;

        @Override
        public void forward() {
            forwards++;
        }

        @Override
        public void close() {}
    }

    @Test
    void withoutBudgetEveryRoundRuns() {
        Counting runner = new Counting();
        RepeatedMedians.Latency l = new RepeatedMedians(2, 4, 5).measure(runner, Double.NaN);
        assertEquals(2 + 4 * 5, runner.forwards);
        assertFalse(l.stoppedEarly());
        assertTrue(l.medianMs() >= 0 && l.spreadMs() >= 0, l.toString());
    }

    @Test
    void aModelClearlyOverBudgetStopsAfterTheFirstLook() {
        Counting runner = new Counting();
        RepeatedMedians.Latency l = new RepeatedMedians(2, 4, 5).measure(runner, 1e-9);
        assertEquals(2 + RepeatedMedians.FIRST_LOOK, runner.forwards);
        assertTrue(l.stoppedEarly());
        assertEquals(Double.NaN, l.spreadMs());
    }

    @Test
    void countsMustBeUsable() {
        assertThrows(JclasException.class, () -> new RepeatedMedians(0, 0, 10));
        assertThrows(JclasException.class, () -> new RepeatedMedians(-1, 5, 10));
    }
}
