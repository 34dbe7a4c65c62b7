package io.jclas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of every parameter, running statistics included (PaddleClas's
 * ExponentialMovingAverage): {@code avg = decay*avg + (1-decay)*p} after every update. Evaluation
 * and {@code best_model} use the average.
 */
public final class Ema implements AutoCloseable {
    private final double decay;
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /** Starts the average at the block's current values. */
    public Ema(Block block, double decay) {
        this.decay = decay;
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            params.put(p.getKey(), p.getValue());
            NDArray a = p.getValue().getArray();
            NDArray copy = manager.create(a.getShape(), a.getDataType(), a.getDevice());
            a.copyTo(copy);
            average.put(p.getKey(), copy);
        }
    }

    /** Folds the current parameter values into the average. */
    public void update() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : average.entrySet()) {
                e.getValue().muli((float) decay).addi(params.get(e.getKey()).getArray().mul((float) (1 - decay)));
            }
        }
    }

    /** Runs {@code body} with the averaged values in the block, then puts the trained values back. */
    public <T> T withAverage(java.util.function.Supplier<T> body) {
        Map<String, NDArray> saved = new LinkedHashMap<>();
        try (NDManager scratch = manager.newSubManager()) {
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NDArray live = e.getValue().getArray();
                NDArray backup = scratch.create(live.getShape(), live.getDataType(), live.getDevice());
                live.copyTo(backup);
                saved.put(e.getKey(), backup);
                average.get(e.getKey()).copyTo(live);
            }
            try {
                return body.get();
            } finally {
                for (Map.Entry<String, NDArray> e : saved.entrySet()) {
                    e.getValue().copyTo(params.get(e.getKey()).getArray());
                }
            }
        }
    }

    /** The averaged arrays by parameter name (live references). */
    public Map<String, NDArray> state() {
        return average;
    }

    /** Restores an average saved from {@link #state()}; names that are absent keep their value. */
    public void loadState(Map<String, NDArray> saved) {
        for (Map.Entry<String, NDArray> e : average.entrySet()) {
            NDArray s = saved.get(e.getKey());
            if (s != null && s.getShape().equals(e.getValue().getShape())) {
                e.getValue().set(s.toType(e.getValue().getDataType(), false).toByteBuffer());
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
