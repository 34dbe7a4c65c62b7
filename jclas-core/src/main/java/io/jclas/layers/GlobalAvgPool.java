package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/** Mean over H and W: [N, C, H, W] to [N, C, 1, 1] ({@code keepDims}) or [N, C]. */
public final class GlobalAvgPool extends Layer {
    private final boolean keepDims;

    public GlobalAvgPool(boolean keepDims) {
        this.keepDims = keepDims;
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        // PyTorch's adaptive pooling: DJL's multi-axis mean is not supported on this engine.
        NDArray pooled = Pool.globalAvgPool2d(x);
        NDArray y = keepDims ? pooled.reshape(pooled.getShape().addAll(new Shape(1, 1))) : pooled;
        Trace.record(OpType.GLOBAL_AVG_POOL, this, java.util.List.of(x), y, keepDims);
        return y;
    }

    public boolean keepDims() { return keepDims; }
}
