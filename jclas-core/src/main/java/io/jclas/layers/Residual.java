package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * act(main(x) + shortcut(x)): the residual join of ResNet, SE-ResNeXt, DarkNet, MobileNetV2/V3 and
 * GhostNet. A null shortcut is the identity; {@link Act#NONE} leaves the sum as it is.
 */
public final class Residual extends Layer {
    private final Block main;
    private final Block shortcut;
    private final Act act;

    public Residual(Block main, Block shortcut, Act act) {
        this.main = child("main", main);
        this.shortcut = shortcut == null ? null : child("short", shortcut);
        this.act = act;
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray identity = shortcut == null ? x : apply(shortcut, ps, x, training);
        NDArray y = Ops.add(apply(main, ps, x, training), identity);
        if (act != Act.NONE) {
            NDArray z = act.apply(y);
            Trace.record(OpType.ACT, this, java.util.List.of(y), z, act);
            return z;
        }
        return y;
    }
}
