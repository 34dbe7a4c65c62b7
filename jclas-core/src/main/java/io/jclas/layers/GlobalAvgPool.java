package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** Mean over H and W: [N, C, H, W] to [N, C, 1, 1] ({@code keepDims}) or [N, C]. */
public final class GlobalAvgPool extends Layer {
    private static final int[] SPATIAL = {2, 3};
    private final boolean keepDims;

    public GlobalAvgPool(boolean keepDims) {
        this.keepDims = keepDims;
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x.mean(SPATIAL, keepDims);
        Trace.record(OpType.GLOBAL_AVG_POOL, this, java.util.List.of(x), y, keepDims);
        return y;
    }

    public boolean keepDims() { return keepDims; }
}
