package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records the primitive ops of a forward pass, the way torch.onnx traces a module: every jclas
 * primitive reports itself here when a listener is active on the current thread. MACs counting
 * ({@code io.jclas.analysis}) and ONNX export both listen; training and inference pay only a
 * thread-local read per op.
 */
public final class Trace {
    private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

    private Trace() {}

    /** Receives each traced op in execution order. */
    @FunctionalInterface
    public interface Listener {
        void onOp(TracedOp op);
    }

    /**
     * One executed op. {@code layer} is the primitive block that ran it (its weights and settings
     * are read from there), or null for the functional ops of {@link Ops}.
     */
    public record TracedOp(
            OpType type, Layer layer, List<NDArray> inputs, NDArray output, Object attribute) {}

    /** Runs {@code body} with {@code listener} receiving every op it executes on this thread. */
    public static <T> T run(Listener listener, Supplier<T> body) {
        Listener previous = CURRENT.get();
        CURRENT.set(listener);
        try {
            return body.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    static void record(OpType type, Layer layer, List<NDArray> inputs, NDArray output, Object attribute) {
        Listener listener = CURRENT.get();
        if (listener != null) {
            listener.onOp(new TracedOp(type, layer, inputs, output, attribute));
        }
    }

    static void record(OpType type, Layer layer, NDArray input, NDArray output) {
        record(type, layer, List.of(input), output, null);
    }
}
