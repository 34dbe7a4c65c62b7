package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Dropout with Paddle's two modes. {@code DOWNSCALE_IN_INFER} (AlexNet, SqueezeNet, MobileNetV3)
 * keeps kept units unscaled in training and multiplies by (1-p) at inference; since a biased layer
 * follows, that scaling changes the logits and is part of the model. {@code UPSCALE_IN_TRAIN}
 * (GhostNet, the PyTorch convention) is the identity at inference.
 */
public final class Dropout extends Layer {
    /** Where the 1/(1-p) or (1-p) rescaling happens. */
    public enum Mode { DOWNSCALE_IN_INFER, UPSCALE_IN_TRAIN }

    private final float p;
    private final Mode mode;

    public Dropout(float p, Mode mode) {
        this.p = p;
        this.mode = mode;
    }

    /** Whether training draws masks (from PyTorch's generator): p above 0. */
    public boolean drawsMasks() {
        return p > 0f;
    }

    /** The factor applied at inference. */
    public float inferenceScale() {
        return mode == Mode.DOWNSCALE_IN_INFER ? 1f - p : 1f;
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        if (training) {
            if (p == 0f) {
                return x;
            }
            NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape(), x.getDataType(), x.getDevice())
                    .gte(p).toType(x.getDataType(), false);
            NDArray y = x.mul(keep);
            return mode == Mode.UPSCALE_IN_TRAIN ? Scalars.div(y, 1f - p) : y;
        }
        float scale = inferenceScale();
        NDArray y = scale == 1f ? x : Scalars.mul(x, scale);
        Trace.record(OpType.SCALE, this, java.util.List.of(x), y, scale);
        return y;
    }
}
