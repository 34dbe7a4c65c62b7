package io.jclas.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * An optimizer with PyTorch semantics that owns its state, so that the state can be saved in
 * {@code optimizer.npz} and a resumed run continues exactly.
 */
public interface Optimizer extends AutoCloseable {

    /**
     * Updates every parameter in place from its gradient with learning rate {@code lr}, then zeroes
     * the gradients (PyTorch accumulates them across backward passes). When any gradient holds a NaN
     * or an infinity, nothing is updated (one bad batch would poison every weight and the optimizer
     * state for good), the gradients are zeroed all the same, and the result is false.
     */
    boolean step(List<TrainParam> params, double lr);

    /** Drops the gradients of a batch that must not be applied (its loss was not finite). */
    void zeroGradients(List<TrainParam> params);

    /** The state arrays by a stable name (live references; the caller must not close them). */
    Map<String, NDArray> state();

    /** Restores state saved from {@link #state()}; names that are absent keep a fresh state. */
    void loadState(Map<String, NDArray> saved, List<TrainParam> params);

    @Override
    void close();
}
