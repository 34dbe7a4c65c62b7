package io.jclas.bench;

/** Progress of a benchmark run; every method has a no-op default. */
public interface BenchmarkListener {
    /** A model's stage starts: "stats", "files", "memory", "latency", "training", "anchors". */
    default void onStage(String model, String stage) {}

    /** One latency configuration finished. */
    default void onLatency(String model, LatencyResult result) {}

    /** One jclas figure measured against its anchor ({@code --anchors}). */
    default void onAnchor(String model, AnchorResult result) {}

    /** A model is done. */
    default void onModel(ModelResult result) {}

    /** Anything else worth telling: machine peak, skipped parts, written files. */
    default void onMessage(String message) {}
}
