package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** [N, C, H, W] to [N, C*H*W], in C, H, W order (AlexNet's 9216 features). */
public final class Flatten extends Layer {
    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x.reshape(x.getShape().get(0), -1);
        Trace.record(OpType.FLATTEN, this, x, y);
        return y;
    }
}
