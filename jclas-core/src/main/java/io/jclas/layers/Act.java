package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activations PaddleClas's CNNs use, with PaddleClas's exact definitions. */
public enum Act {
    NONE,
    RELU,
    RELU6,
    /** x * relu6(x + 3) / 6. */
    HARD_SWISH,
    /** MobileNetV3's SE gate: clip(0.2 x + 0.5, 0, 1) (slope 0.2, not Paddle's default 1/6). */
    HARD_SIGMOID,
    SIGMOID,
    /** x * sigmoid(x). */
    SWISH,
    /** GhostNet's SE gate: clip(x, 0, 1). */
    CLIP01;

    /** Applies the activation. */
    public NDArray apply(NDArray x) {
        switch (this) {
            case NONE:
                return x;
            case RELU:
                return Activation.relu(x);
            case RELU6:
                return x.clip(0f, 6f);
            case HARD_SWISH:
                return Scalars.div(x.mul(x.add(3f).clip(0f, 6f)), 6f);
            case HARD_SIGMOID:
                return Scalars.mul(x, 0.2f).add(0.5f).clip(0f, 1f);
            case SIGMOID:
                return Activation.sigmoid(x);
            case SWISH:
                return x.mul(Activation.sigmoid(x));
            case CLIP01:
                return x.clip(0f, 1f);
            default:
                throw new IllegalStateException("unknown activation " + this);
        }
    }

    /** Parses a PaddleClas activation name ("relu", "hardswish", "swish", ...). */
    public static Act of(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "relu": return RELU;
            case "relu6": return RELU6;
            case "hardswish": case "hard_swish": return HARD_SWISH;
            case "hardsigmoid": case "hard_sigmoid": return HARD_SIGMOID;
            case "sigmoid": return SIGMOID;
            case "swish": case "silu": return SWISH;
            case "none": case "linear": return NONE;
            default:
                throw new io.jclas.JclasException(
                        "unknown activation '" + name + "'",
                        "use one of relu, relu6, hardswish, hardsigmoid, sigmoid, swish, none");
        }
    }
}
