package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * Conv2D, then optionally BatchNorm, then an activation: PaddleClas's ConvBNLayer and every
 * "CBR"/"CB" of the architecture spec. Padding defaults to (k-1)/2. Without BatchNorm the
 * convolution may carry a bias (AlexNet, SqueezeNet, SE gates).
 *
 * <p>BatchNorm follows Paddle: epsilon 1e-5, running averages updated with momentum 0.9 (PyTorch's
 * 0.1).
 */
public final class ConvBnAct extends Layer {
    public static final float BN_EPSILON = 1e-5f;
    public static final float BN_MOMENTUM = 0.9f;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int groups;
    private final Act act;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    private ConvBnAct(Builder b) {
        if (b.in % b.groups != 0 || b.out % b.groups != 0) {
            throw new IllegalArgumentException(
                    "channels " + b.in + "->" + b.out + " not divisible by groups " + b.groups);
        }
        inChannels = b.in;
        outChannels = b.out;
        kernel = b.kernel;
        stride = b.stride;
        padding = b.padding < 0 ? (b.kernel - 1) / 2 : b.padding;
        groups = b.groups;
        act = b.act;
        weight = param("weight", Parameter.Type.WEIGHT, new Shape(b.out, b.in / b.groups, b.kernel, b.kernel));
        bias = b.bias ? param("bias", Parameter.Type.BIAS, new Shape(b.out)) : null;
        if (b.bn) {
            gamma = param("gamma", Parameter.Type.GAMMA, new Shape(b.out));
            beta = param("beta", Parameter.Type.BETA, new Shape(b.out));
            runningMean = param("runningMean", Parameter.Type.RUNNING_MEAN, new Shape(b.out));
            runningVar = param("runningVar", Parameter.Type.RUNNING_VAR, new Shape(b.out));
        } else {
            gamma = beta = runningMean = runningVar = null;
        }
    }

    /** A k x k convolution from {@code in} to {@code out} channels; BatchNorm on, no activation. */
    public static Builder builder(int in, int out, int kernel) {
        return new Builder(in, out, kernel);
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = Conv2d.conv2d(
                        x,
                        value(ps, weight, x, training),
                        bias == null ? null : value(ps, bias, x, training),
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        new Shape(1, 1),
                        groups)
                .singletonOrThrow();
        if (gamma != null) {
            // axis -1 takes PyTorch's native NCHW path (normalises dim 1) without a transpose.
            y = BatchNorm.batchNorm(
                            y,
                            value(ps, runningMean, x, training),
                            value(ps, runningVar, x, training),
                            value(ps, gamma, x, training),
                            value(ps, beta, x, training),
                            -1,
                            BN_MOMENTUM,
                            BN_EPSILON,
                            training)
                    .singletonOrThrow();
        }
        y = act.apply(y);
        Trace.record(OpType.CONV_BN_ACT, this, x, y);
        return y;
    }

    public int inChannels() { return inChannels; }
    public int outChannels() { return outChannels; }
    public int kernel() { return kernel; }
    public int stride() { return stride; }
    public int padding() { return padding; }
    public int groups() { return groups; }
    public Act act() { return act; }
    public boolean hasBatchNorm() { return gamma != null; }
    public Parameter weight() { return weight; }
    /** Null when the convolution has no bias. */
    public Parameter bias() { return bias; }
    /** Null without BatchNorm; likewise {@link #beta}, {@link #runningMean}, {@link #runningVar}. */
    public Parameter gamma() { return gamma; }
    public Parameter beta() { return beta; }
    public Parameter runningMean() { return runningMean; }
    public Parameter runningVar() { return runningVar; }

    /** Settings of a {@link ConvBnAct}; required ones are the builder's arguments. */
    public static final class Builder {
        private final int in;
        private final int out;
        private final int kernel;
        private int stride = 1;
        private int padding = -1;
        private int groups = 1;
        private boolean bn = true;
        private boolean bias;
        private Act act = Act.NONE;

        private Builder(int in, int out, int kernel) {
            this.in = in;
            this.out = out;
            this.kernel = kernel;
        }

        public Builder optStride(int s) { stride = s; return this; }
        /** Symmetric zero padding; default (kernel-1)/2. */
        public Builder optPadding(int p) { padding = p; return this; }
        public Builder optGroups(int g) { groups = g; return this; }
        /** Depthwise: groups = input channels. */
        public Builder depthwise() { groups = in; return this; }
        public Builder optAct(Act a) { act = a; return this; }
        /** A plain convolution with bias and no BatchNorm. */
        public Builder noBatchNormWithBias() { bn = false; bias = true; return this; }
        /** A plain convolution without BatchNorm or bias (MobileNetV3's last_conv). */
        public Builder noBatchNorm() { bn = false; bias = false; return this; }

        public ConvBnAct build() {
            return new ConvBnAct(this);
        }
    }
}
