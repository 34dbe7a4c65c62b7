package io.jclas.bench;

import io.jclas.JclasException;
import java.util.Arrays;
import java.util.Locale;

/** The engines the latency dimension runs a model on. */
public enum InferenceEngine {
    /** ONNX Runtime on the exported model (ai.onnxruntime directly). */
    ONNXRUNTIME("onnxruntime"),
    /** The DJL PyTorch engine running the jclas block tree. */
    PYTORCH("pytorch");

    private final String id;

    InferenceEngine(String id) {
        this.id = id;
    }

    /** The name used in options, reports and file columns. */
    public String id() {
        return id;
    }

    /** Parses an engine name; unknown names fail with the valid ones. */
    public static InferenceEngine of(String name) {
        for (InferenceEngine e : values()) {
            if (e.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new JclasException("unknown engine '" + name + "'",
                "use one of " + Arrays.stream(values()).map(InferenceEngine::id).toList());
    }

    @Override
    public String toString() {
        return id;
    }
}
