package io.jclas.bench.recommend;

import io.jclas.bench.recommend.Budget.Fit;
import io.jclas.bench.recommend.Budget.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The choice among measured candidates: the most accurate one within the budget, declared only
 * when the measurements can tell. It is not declared (the top candidates are tied) when the most
 * accurate eligible model is within its latency spread of the budget, or when the runner-up is as
 * accurate and their latencies overlap within their spreads.
 */
public final class Selection {
    private Selection() {}

    /** What the selection found. */
    public enum Outcome { PICK, TIED, NOTHING_FITS }

    /**
     * One candidate as the ranked table shows it.
     *
     * @param status pick, runner-up, tied, fits, edge, over or no accuracy
     * @param reason why it is not the pick (empty for the pick)
     */
    public record Ranked(Candidate candidate, Fit fit, String status, String reason) {}

    /**
     * The result.
     *
     * @param pick the declared pick, or null
     * @param runnerUp the next most accurate eligible candidate, or null
     * @param tied the candidates that cannot be told apart when the outcome is TIED, else empty
     * @param message one line that says what was chosen and why
     * @param ranked every candidate: the eligible ones by accuracy, then the dropped ones by latency
     */
    public record Result(Outcome outcome, Candidate pick, Candidate runnerUp, List<Candidate> tied, String message,
            List<Ranked> ranked) {}

    public static Result select(List<Candidate> candidates, Budget budget) {
        List<Candidate> eligible = new ArrayList<>();
        List<Candidate> dropped = new ArrayList<>();
        for (Candidate c : candidates) {
            (c.hasAccuracy() && budget.judge(c).fit() != Fit.OVER ? eligible : dropped).add(c);
        }
        eligible.sort(Comparator.comparingDouble(Candidate::top1).reversed().thenComparingDouble(Candidate::latencyMs));
        dropped.sort(Comparator.comparingDouble(Candidate::latencyMs));
        if (eligible.isEmpty()) {
            return nothingFits(candidates, budget, dropped);
        }
        Candidate best = eligible.get(0);
        Candidate next = eligible.size() > 1 ? eligible.get(1) : null;
        if (budget.judge(best).fit() == Fit.EDGE) {
            Candidate safe = eligible.stream().filter(c -> budget.judge(c).fit() == Fit.FITS).findFirst().orElse(null);
            List<Candidate> tied = safe == null ? List.of(best) : List.of(best, safe);
            String fallback = safe == null ? "nothing else fits"
                    : safe.label() + " is the most accurate that fits beyond its spread";
            String message = "no clear pick: " + best.label() + " " + budget.judge(best).reason() + "; " + fallback;
            return result(Outcome.TIED, null, safe, tied, message, eligible, dropped, budget);
        }
        if (next != null && next.top1() == best.top1()
                && Math.abs(next.latencyMs() - best.latencyMs()) <= best.spreadMs() + next.spreadMs()) {
            String message = String.format(Locale.ROOT,
                    "no clear pick: %s and %s are tied: both %.1f%% Top-1, %.2f ± %.2f ms and %.2f ± %.2f ms overlap",
                    best.label(), next.label(), 100 * best.top1(), best.latencyMs(), best.spreadMs(), next.latencyMs(),
                    next.spreadMs());
            return result(Outcome.TIED, null, null, List.of(best, next), message, eligible, dropped, budget);
        }
        String message = String.format(Locale.ROOT, "pick: %s, %.1f%% Top-1 at %.2f ± %.2f ms%s", best.label(),
                100 * best.top1(), best.latencyMs(), best.spreadMs(), memory(best))
                + (next == null ? "; nothing else fits" : String.format(Locale.ROOT,
                        "; runner-up %s, %.1f%% at %.2f ms", next.label(), 100 * next.top1(), next.latencyMs()));
        return result(Outcome.PICK, best, next, List.of(), message, eligible, dropped, budget);
    }

    private static Result nothingFits(List<Candidate> all, Budget budget, List<Candidate> dropped) {
        String message = all.stream().min(Comparator.comparingDouble(Candidate::latencyMs))
                .map(f -> String.format(Locale.ROOT, "nothing fits the budget: the fastest is %s at %.2f ms%s",
                        f.label(), f.latencyMs(), memory(f)))
                .orElse("nothing fits the budget: no candidate was measured");
        return result(Outcome.NOTHING_FITS, null, null, List.of(), message, List.of(), dropped, budget);
    }

    private static String memory(Candidate c) {
        return c.memoryMeasured() ? String.format(Locale.ROOT, ", %.1f MB", c.memoryMb()) : "";
    }

    private static Result result(Outcome outcome, Candidate pick, Candidate runnerUp, List<Candidate> tied,
            String message, List<Candidate> eligible, List<Candidate> dropped, Budget budget) {
        List<Ranked> ranked = new ArrayList<>();
        for (Candidate c : eligible) {
            Verdict v = budget.judge(c);
            if (c == pick) {
                ranked.add(new Ranked(c, v.fit(), "pick", ""));
            } else if (tied.contains(c)) {
                ranked.add(new Ranked(c, v.fit(), "tied", tiedReason(c, eligible.get(0), v)));
            } else if (c == runnerUp) {
                ranked.add(new Ranked(c, v.fit(), "runner-up", "less accurate than the pick"));
            } else {
                String reason = v.fit() == Fit.EDGE ? v.reason() : lessAccurate(c, eligible.get(0));
                ranked.add(new Ranked(c, v.fit(), v.fit() == Fit.EDGE ? "edge" : "fits", reason));
            }
        }
        for (Candidate c : dropped) {
            Verdict v = budget.judge(c);
            boolean noAccuracy = !c.hasAccuracy();
            ranked.add(new Ranked(c, v.fit(), noAccuracy ? "no accuracy" : "over",
                    noAccuracy ? "no Top-1 in the accuracy source" : v.reason()));
        }
        return new Result(outcome, pick, runnerUp, tied, message, ranked);
    }

    private static String tiedReason(Candidate c, Candidate best, Verdict v) {
        if (v.fit() == Fit.EDGE) {
            return v.reason();
        }
        return c.top1() < best.top1() ? lessAccurate(c, best) : "as accurate, latencies overlap within their spreads";
    }

    private static String lessAccurate(Candidate c, Candidate best) {
        return String.format(Locale.ROOT, "less accurate: %.1f%% vs %.1f%%", 100 * c.top1(), 100 * best.top1());
    }
}
