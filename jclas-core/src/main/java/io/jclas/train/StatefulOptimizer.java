package io.jclas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared plumbing of jclas optimizers: per-parameter state slots ({@code "momentum.<param>"}) in
 * a manager of their own, a step counter, and the update loop. Subclasses write the update of one
 * parameter; every temporary it creates is closed when the step ends.
 */
abstract class StatefulOptimizer implements Optimizer {
    private static final String STEP = "step";

    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, NDArray> slots = new LinkedHashMap<>();
    private long steps;

    /** Updates one parameter; {@code weight} is updated in place, {@code grad} must not be kept. */
    protected abstract void update(TrainParam p, NDArray weight, NDArray grad, double lr, long step);

    @Override
    public final boolean step(List<TrainParam> params, double lr) {
        // Gradient wrappers and temporaries belong to the parameters' long-lived manager: the scope
        // closes them all at the end of the step.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            boolean finite = gradientsFinite(params);
            if (finite) {
                steps++;
                for (TrainParam p : params) {
                    NDArray weight = p.parameter().getArray();
                    update(p, weight, weight.getGradient(), lr * p.lrMult(), steps);
                }
            }
            zeroGradients(params);
            return finite;
        }
    }

    @Override
    public final void zeroGradients(List<TrainParam> params) {
        // PyTorch accumulates gradients until they are zeroed.
        for (TrainParam p : params) {
            JniUtils.zeroGrad((PtNDArray) p.parameter().getArray());
        }
    }

    /** One sum per gradient and a single read: a NaN or an infinity anywhere makes its sum non-finite. */
    static boolean gradientsFinite(List<TrainParam> params) {
        NDList sums = new NDList(params.size());
        for (TrainParam p : params) {
            sums.add(p.parameter().getArray().getGradient().sum());
        }
        if (sums.isEmpty()) {
            return true;
        }
        NDArray all = NDArrays.stack(sums);
        return !all.isNaN().logicalOr(all.isInfinite()).any().getBoolean();
    }

    /** The state array {@code slot} of a parameter, zeros on first use. */
    protected final NDArray slot(String slot, TrainParam p, NDArray like) {
        return slots.computeIfAbsent(slot + "." + p.name(), k -> {
            NDArray z = manager.zeros(like.getShape(), like.getDataType(), like.getDevice());
            NDScope.unregister(z);
            return z;
        });
    }

    @Override
    public final Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>(slots);
        NDArray step = manager.create(new long[] {steps});
        out.put(STEP, step);
        return out;
    }

    @Override
    public final void loadState(Map<String, NDArray> saved, List<TrainParam> params) {
        slots.values().forEach(NDArray::close);
        slots.clear();
        NDArray step = saved.get(STEP);
        steps = step == null ? 0 : step.toLongArray()[0];
        for (Map.Entry<String, NDArray> e : saved.entrySet()) {
            if (!e.getKey().equals(STEP) && e.getKey().contains(".")) {
                NDArray copy = manager.create(e.getValue().getShape(), e.getValue().getDataType());
                copy.set(e.getValue().toByteBuffer());
                slots.put(e.getKey(), copy);
            }
        }
    }

    /** Steps taken so far (restored by {@link #loadState}). */
    public final long steps() {
        return steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
