package io.jclas.pretrained.paddle;

import io.jclas.pretrained.KeyMap;

/**
 * One Paddle layer that holds the tensors of one jclas layer: its structured name ({@code
 * blocks.3.short}) and how Paddle names the tensors under it. The naming rules live here once:
 *
 * <ul>
 *   <li>a {@code ConvBNLayer} keeps its {@code Conv2D} and {@code BatchNorm} under two attributes
 *       ({@code conv}/{@code bn} in the legendary models, {@code _conv}/{@code _batch_norm} in most of
 *       the model zoo, {@code _conv}/{@code _bn} in DarkNet); BatchNorm's γ, β and running statistics
 *       are {@code weight}, {@code bias}, {@code _mean}, {@code _variance};
 *   <li>a bare {@code Conv2D} has {@code weight} and {@code bias};
 *   <li>a {@code Linear} has {@code weight} stored [in, out] (transposed against jclas) and {@code bias}.
 * </ul>
 */
record PaddleLayer(String prefix, Kind kind) {

    /** The kinds of Paddle layer a jclas layer's tensors come from. */
    enum Kind {
        /** ConvBNLayer of the legendary models: {@code conv}, {@code bn} */
        CONV_BN_LEGENDARY("conv", "bn"),
        /** ConvBNLayer of the model zoo: {@code _conv}, {@code _batch_norm} */
        CONV_BN_ZOO("_conv", "_batch_norm"),
        /** DarkNet's ConvBNLayer: {@code _conv}, {@code _bn} */
        CONV_BN_DARKNET("_conv", "_bn"),
        /** a bare Conv2D */
        CONV(null, null),
        /** a Linear, weight [in, out] */
        LINEAR(null, null);

        private final String conv;
        private final String bn;

        Kind(String conv, String bn) {
            this.conv = conv;
            this.bn = bn;
        }
    }

    /** The file key and layout of one jclas parameter of this layer ({@code weight}, {@code gamma}, ...). */
    KeyMap.Source source(String parameter) {
        return switch (parameter) {
            case "weight" -> kind == Kind.LINEAR
                    ? new KeyMap.Source(prefix + ".weight", KeyMap.Layout.TRANSPOSED)
                    : KeyMap.Source.of(conv("weight"));
            case "bias" -> KeyMap.Source.of(conv("bias"));
            case "gamma" -> KeyMap.Source.of(bn("weight"));
            case "beta" -> KeyMap.Source.of(bn("bias"));
            case "runningMean" -> KeyMap.Source.of(bn("_mean"));
            case "runningVar" -> KeyMap.Source.of(bn("_variance"));
            default -> throw new IllegalArgumentException("no Paddle tensor for jclas parameter " + parameter);
        };
    }

    private String conv(String tensor) {
        return kind.conv == null ? prefix + "." + tensor : prefix + "." + kind.conv + "." + tensor;
    }

    private String bn(String tensor) {
        if (kind.bn == null) {
            throw new IllegalArgumentException(prefix + " is a " + kind + ", it has no BatchNorm");
        }
        return prefix + "." + kind.bn + "." + tensor;
    }
}
