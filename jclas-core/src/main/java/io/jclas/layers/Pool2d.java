package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/**
 * Max or average pooling with a square window. Paddle's defaults: floor mode, and average pooling
 * that excludes padding ("exclusive").
 */
public final class Pool2d extends Layer {
    private final boolean max;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean ceilMode;

    private Pool2d(boolean max, int kernel, int stride, int padding, boolean ceilMode) {
        this.max = max;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
    }

    public static Pool2d max(int kernel, int stride, int padding) {
        return new Pool2d(true, kernel, stride, padding, false);
    }

    /** Max pooling in ceil mode (the last window may overhang), as torchvision's SqueezeNet pools. */
    public static Pool2d maxCeil(int kernel, int stride) {
        return new Pool2d(true, kernel, stride, 0, true);
    }

    /** Average pooling; {@code ceilMode} as ResNet_vd's shortcut pool (k2 s2 ceil). */
    public static Pool2d avg(int kernel, int stride, int padding, boolean ceilMode) {
        return new Pool2d(false, kernel, stride, padding, ceilMode);
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        Shape k = new Shape(kernel, kernel);
        Shape s = new Shape(stride, stride);
        Shape p = new Shape(padding, padding);
        NDArray y = max ? Pool.maxPool2d(x, k, s, p, ceilMode) : Pool.avgPool2d(x, k, s, p, ceilMode, false);
        Trace.record(OpType.POOL, this, x, y);
        return y;
    }

    public boolean isMax() { return max; }
    public int kernel() { return kernel; }
    public int stride() { return stride; }
    public int padding() { return padding; }
    public boolean ceilMode() { return ceilMode; }
}
