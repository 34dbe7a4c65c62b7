package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Children applied in order. Names are the PaddleClas attribute names where they exist. */
public class Sequential extends Layer {

    /** Appends a named child; returns this for chaining. */
    public Sequential add(String name, Block block) {
        child(name, block);
        return this;
    }

    /** Appends a child named by its position. */
    public Sequential add(Block block) {
        return add(String.valueOf(getChildren().size()), block);
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x;
        for (Block b : getChildren().values()) {
            y = apply(b, ps, y, training);
        }
        return y;
    }
}
