package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** A standalone activation block (for activations that follow a residual add or a head conv). */
public final class Activate extends Layer {
    private final Act act;

    public Activate(Act act) {
        this.act = act;
    }

    public Act act() {
        return act;
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = act.apply(x);
        Trace.record(OpType.ACT, this, java.util.List.of(x), y, act);
        return y;
    }
}
