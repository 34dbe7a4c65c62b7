package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant that are safe under autograd. Code on a training path
 * must use these instead of {@code NDArray.mul(Number)} / {@code div(Number)}: DJL wraps the number
 * in a tensor over a Java direct buffer and closes it right after the op, but PyTorch's backward of
 * mul and div keeps that tensor to scale the gradient. Once Java's collector has freed the buffer,
 * the backward reads freed memory: MobileNetV3's hardswish, GhostNet's dropout and the distillation
 * loss got garbage or NaN gradients whenever a collection fell between forward and backward
 * (22 of 25 batches under allocation pressure; {@code ScalarGradientsTest}). A 0-d tensor made by
 * libtorch ({@code full}) is reference-counted instead, so the graph keeps it alive.
 */
public final class Scalars {
    private Scalars() {}

    /** x * v. */
    public static NDArray mul(NDArray x, float v) {
        try (NDArray c = constant(x, v)) {
            return x.mul(c);
        }
    }

    /** x / v. */
    public static NDArray div(NDArray x, float v) {
        try (NDArray c = constant(x, v)) {
            return x.div(c);
        }
    }

    private static NDArray constant(NDArray like, float v) {
        return like.getManager().full(new Shape(), v, like.getDataType(), like.getDevice());
    }
}
