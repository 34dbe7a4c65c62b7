package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * The inverted residual of MobileNetV2 ({@code InvertedResidualUnit}) and MobileNetV3
 * ({@code ResidualUnit}): 1x1 expand (BN + act) → k x k depthwise with the stride (BN + act) →
 * optional squeeze-excitation → 1x1 linear projection (BN, no act), plus the input when the stride
 * is 1 and the widths agree. Both PaddleClas files keep the expand conv even when it does not widen
 * (MobileNetV2's t=1 group, MobileNetV3-large's first block). MobileNetV2's rule "shortcut for every
 * block of a group but the first" selects exactly the stride-1, same-width blocks, so one rule serves
 * both families.
 */
public final class InvertedResidualUnit extends Layer {
    private final int in;
    private final int mid;
    private final int out;
    private final int squeezed;
    private final ConvBnAct expand;
    private final ConvBnAct depthwise;
    private final SqueezeExcite se;
    private final ConvBnAct linear;
    private final boolean shortcut;

    private InvertedResidualUnit(Builder b) {
        in = b.in;
        mid = b.mid;
        out = b.out;
        squeezed = b.squeezed;
        expand = child("expand_conv", ConvBnAct.builder(in, mid, 1).optAct(b.act).build());
        depthwise = child("bottleneck_conv", ConvBnAct.builder(mid, mid, b.kernel)
                .optStride(b.stride).depthwise().optAct(b.act).build());
        se = squeezed > 0 ? child("mid_se", new SqueezeExcite(mid, squeezed, b.gate)) : null;
        linear = child("linear_conv", ConvBnAct.builder(mid, out, 1).build());
        shortcut = b.stride == 1 && in == out;
    }

    /** A unit from {@code in} through {@code mid} expanded channels to {@code out}. */
    public static Builder builder(int in, int mid, int out) {
        return new Builder(in, mid, out);
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = apply(depthwise, ps, apply(expand, ps, x, training), training);
        if (se != null) {
            y = apply(se, ps, y, training);
        }
        y = apply(linear, ps, y, training);
        return shortcut ? Ops.add(x, y) : y;
    }

    public int inChannels() { return in; }
    public int midChannels() { return mid; }
    public int outChannels() { return out; }
    /** The squeeze-excitation bottleneck width, 0 without SE. */
    public int squeezedChannels() { return squeezed; }
    public boolean hasShortcut() { return shortcut; }

    /** Settings of an {@link InvertedResidualUnit}; defaults: 3x3, stride 1, ReLU, no SE. */
    public static final class Builder {
        private final int in;
        private final int mid;
        private final int out;
        private int kernel = 3;
        private int stride = 1;
        private Act act = Act.RELU;
        private int squeezed;
        private Act gate = Act.NONE;

        private Builder(int in, int mid, int out) {
            this.in = in;
            this.mid = mid;
            this.out = out;
        }

        /** Depthwise kernel size (3 or 5). */
        public Builder optKernel(int k) { kernel = k; return this; }
        /** Depthwise stride. */
        public Builder optStride(int s) { stride = s; return this; }
        /** Activation of the expand and depthwise convs. */
        public Builder optAct(Act a) { act = a; return this; }
        /** Squeeze-excitation after the depthwise conv, to {@code squeezedChannels} with {@code gateAct}. */
        public Builder optSqueezeExcite(int squeezedChannels, Act gateAct) {
            squeezed = squeezedChannels;
            gate = gateAct;
            return this;
        }

        public InvertedResidualUnit build() {
            return new InvertedResidualUnit(this);
        }
    }
}
