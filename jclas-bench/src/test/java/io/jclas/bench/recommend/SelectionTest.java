package io.jclas.bench.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jclas.JclasException;
import io.jclas.analysis.Precision;
import io.jclas.bench.recommend.Budget.Fit;
import io.jclas.bench.recommend.Selection.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selection on fixed fake measurements: nothing here runs a model. */
class SelectionTest {
    private static final Budget FIVE_MS = new Budget(5, Double.NaN);

    private static Candidate model(String name, double top1, double ms, double spread) {
        return new Candidate(name, name, "Fake", Precision.FP32, top1, 1_000_000, 4_000_000, ms, spread, false, 20_000_000,
                "");
    }

    private static Candidate withMemory(Candidate c, long bytes) {
        return new Candidate(c.name(), c.architecture(), c.family(), c.precision(), c.top1(), c.flops(),
                c.memoryAccessBytes(), c.latencyMs(), c.spreadMs(), c.stoppedEarly(), bytes, c.note());
    }

    @Test
    void picksTheMostAccurateThatFitsAndNamesTheRunnerUp() {
        Candidate small = model("Small", 0.60, 1.0, 0.1);
        Candidate medium = model("Medium", 0.70, 3.0, 0.1);
        Candidate large = model("Large", 0.80, 9.0, 0.2);
        Selection.Result r = Selection.select(List.of(small, large, medium), FIVE_MS);
        assertEquals(Outcome.PICK, r.outcome());
        assertSame(medium, r.pick());
        assertSame(small, r.runnerUp());
        assertEquals("pick: Medium, 70.0% Top-1 at 3.00 ± 0.10 ms, 20.0 MB; runner-up Small, 60.0% at 1.00 ms",
                r.message());
        assertEquals(List.of("pick", "runner-up", "over"), r.ranked().stream().map(Selection.Ranked::status).toList());
        assertEquals("9.00 ± 0.20 ms is over the 5 ms budget", r.ranked().get(2).reason());
    }

    @Test
    void budgetEdgesCountTheSpread() {
        // 4.5 + 0.5 = 5 exactly: still fits; 4.6 + 0.5 crosses the line; 5.4 - 0.5 = 4.9 is not clearly over
        assertEquals(Fit.FITS, FIVE_MS.judge(model("A", 0.7, 4.5, 0.5)).fit());
        assertEquals(Fit.EDGE, FIVE_MS.judge(model("B", 0.7, 4.6, 0.5)).fit());
        assertEquals(Fit.EDGE, FIVE_MS.judge(model("C", 0.7, 5.4, 0.5)).fit());
        assertEquals(Fit.OVER, FIVE_MS.judge(model("D", 0.7, 5.6, 0.5)).fit());
    }

    @Test
    void aMoreAccurateModelWithinItsSpreadOfTheBudgetTiesWithTheSafeOne() {
        Candidate safe = model("Safe", 0.70, 3.0, 0.1);
        Candidate edge = model("Edge", 0.75, 5.1, 0.3);
        Selection.Result r = Selection.select(List.of(safe, edge), FIVE_MS);
        assertEquals(Outcome.TIED, r.outcome());
        assertNull(r.pick());
        assertEquals(List.of(edge, safe), r.tied());
        assertEquals("no clear pick: Edge 5.10 ± 0.30 ms is within its spread of the 5 ms budget; "
                + "Safe is the most accurate that fits beyond its spread", r.message());
        assertEquals("less accurate: 70.0% vs 75.0%", r.ranked().get(1).reason());
    }

    @Test
    void equalAccuracyIsTiedWhileTheLatenciesOverlapAndDecidedWhenTheyDoNot() {
        Candidate fp32 = model("Net", 0.72, 3.0, 0.2);
        Candidate alias = model("NetB", 0.72, 3.3, 0.2);
        Selection.Result tied = Selection.select(List.of(alias, fp32), FIVE_MS);
        assertEquals(Outcome.TIED, tied.outcome());
        assertEquals(List.of(fp32, alias), tied.tied());
        assertEquals("as accurate, latencies overlap within their spreads", tied.ranked().get(1).reason());

        Candidate slower = model("NetC", 0.72, 3.5, 0.2);
        Selection.Result decided = Selection.select(List.of(slower, fp32), FIVE_MS);
        assertEquals(Outcome.PICK, decided.outcome());
        assertSame(fp32, decided.pick());
    }

    @Test
    void nothingFitsNamesTheFastestModel() {
        Selection.Result r = Selection.select(List.of(model("Big", 0.8, 12.5, 0.3), model("Bigger", 0.82, 40, 1)),
                new Budget(2, Double.NaN));
        assertEquals(Outcome.NOTHING_FITS, r.outcome());
        assertEquals("nothing fits the budget: the fastest is Big at 12.50 ms, 20.0 MB", r.message());
        assertEquals(2, r.ranked().size());
    }

    @Test
    void memoryBudgetAndMissingAccuracyDropCandidatesWithTheirReasons() {
        Candidate heavy = withMemory(model("Heavy", 0.80, 2.0, 0.1), 150_000_000);
        Candidate unknown = model("Unknown", Double.NaN, 1.0, 0.1);
        Candidate light = withMemory(model("Light", 0.65, 2.5, 0.1), 40_000_000);
        Selection.Result r = Selection.select(List.of(heavy, unknown, light), new Budget(Double.NaN, 100));
        assertSame(light, r.pick());
        assertEquals("no Top-1 in the accuracy source", r.ranked().get(1).reason());
        assertEquals("150.0 MB is over the 100 MB memory budget", r.ranked().get(2).reason());
    }

    @Test
    void earlyStoppedModelsAreOver() {
        Candidate stopped = new Candidate("Huge", "Huge", "Fake", Precision.FP32, 0.9, 1, 1, 80, Double.NaN, true, -1,
                "memory not measured: over the latency budget");
        assertEquals("stopped early: 80.00 ms in the first round, clearly over the 5 ms budget",
                FIVE_MS.judge(stopped).reason());
        assertEquals(Fit.OVER, FIVE_MS.judge(stopped).fit());
    }

    @Test
    void aBudgetIsRequired() {
        JclasException e = assertThrows(JclasException.class, () -> new Budget(Double.NaN, Double.NaN));
        assertEquals("no budget to choose within", e.getMessage());
    }
}
