package io.jclas.pretrained.keymap;

import io.jclas.layers.ConvBnAct;
import io.jclas.pretrained.KeyMap;
import io.jclas.pretrained.StoredTensor;
import java.util.Arrays;

/**
 * What every torchvision family shares: a jclas layer ({@code ConvBnAct} or {@code Fc}) is one
 * torchvision convolution or linear module plus, with BatchNorm, one {@code BatchNorm2d}; the
 * parameter names follow ({@code weight}/{@code bias} on the conv, {@code gamma}, {@code beta},
 * {@code runningMean}, {@code runningVar} as the BatchNorm's {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var}). A family says which modules a layer path is.
 */
abstract class TorchvisionKeyMap implements KeyMap {

    /** The torchvision modules of one jclas layer: its conv or linear, and its BatchNorm (null without). */
    record Modules(String conv, String bn) {}

    /** The modules of a jclas layer path ({@code features_stem_0}); null when torchvision has none. */
    abstract Modules modules(String layer);

    /**
     * True for a jclas 1x1 conv + BatchNorm that torchvision omits where it computes the identity
     * on its input (see the families); such a layer is set to the identity.
     */
    boolean isIdentity(String layer) {
        return false;
    }

    @Override
    public final Source sourceOf(String parameterName) {
        int cut = parameterName.lastIndexOf('_');
        Modules m = modules(parameterName.substring(0, cut));
        if (m == null) {
            return null;
        }
        String param = parameterName.substring(cut + 1);
        String key = switch (param) {
            case "weight", "bias" -> m.conv() + "." + param;
            case "gamma" -> m.bn() + ".weight";
            case "beta" -> m.bn() + ".bias";
            case "runningMean" -> m.bn() + ".running_mean";
            case "runningVar" -> m.bn() + ".running_var";
            default -> null;
        };
        return key == null ? null : Source.of(key);
    }

    @Override
    public final StoredTensor fixedValue(String parameterName, long[] shape) {
        int cut = parameterName.lastIndexOf('_');
        return isIdentity(parameterName.substring(0, cut)) ? identity(parameterName.substring(cut + 1), shape) : null;
    }

    /**
     * A 1x1 conv + BatchNorm that passes its input through: an identity kernel, gamma 1, beta 0,
     * mean 0 and variance 1 - epsilon, so that BatchNorm divides by sqrt(var + eps) = 1 (exact up
     * to float32 rounding, a few 1e-8 relative).
     */
    private static StoredTensor identity(String param, long[] shape) {
        int n = (int) shape[0];
        float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        switch (param) {
            case "weight" -> {
                for (int i = 0; i < n; i++) {
                    values[i * n + i] = 1f;
                }
            }
            case "gamma" -> Arrays.fill(values, 1f);
            case "runningVar" -> Arrays.fill(values, 1f - ConvBnAct.BN_EPSILON);
            default -> { } // beta, runningMean and a bias stay 0
        }
        return new StoredTensor(shape, values);
    }
}
