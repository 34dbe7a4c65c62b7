package io.jclas.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.Activate;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;

/**
 * act(main(x) + shortcut(x)) for the test networks: an add followed by an activation, traced as the
 * zoo's blocks trace theirs. A null shortcut is the identity; {@link Act#NONE} leaves the sum as it is.
 */
final class Residual extends Layer {
    private final Block main;
    private final Block shortcut;
    private final Block act;

    Residual(Block main, Block shortcut, Act act) {
        this.main = child("main", main);
        this.shortcut = shortcut == null ? null : child("short", shortcut);
        this.act = act == Act.NONE ? null : child("act", new Activate(act));
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray identity = shortcut == null ? x : apply(shortcut, ps, x, training);
        NDArray y = Ops.add(apply(main, ps, x, training), identity);
        return act == null ? y : apply(act, ps, y, training);
    }
}
