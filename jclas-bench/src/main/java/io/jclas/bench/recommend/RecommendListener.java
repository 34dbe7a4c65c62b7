package io.jclas.bench.recommend;

/** Progress of a recommendation run; the CLI prints it. */
public interface RecommendListener {
    /** {@code stage} of {@code model} begins: export, latency fp32, memory fp32, ... */
    default void onStage(String model, String stage) {}

    /** A candidate is measured (once per name, aliases included). */
    default void onCandidate(Candidate c) {}

    /** Anything else worth a line: a skipped model, the machine. */
    default void onMessage(String message) {}
}
