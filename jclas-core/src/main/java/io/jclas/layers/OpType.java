package io.jclas.layers;

/** The primitive ops a zoo network is made of; each maps to one ONNX construct. */
public enum OpType {
    /** {@link ConvBnAct}: convolution, optional BatchNorm, optional activation. */
    CONV_BN_ACT,
    /** {@link Fc}: fully connected layer on [N, C]. */
    FC,
    /** {@link Activate}: an elementwise activation; attribute is the {@link Act}. */
    ACT,
    /** {@link Pool2d}: max or average pooling with a window. */
    POOL,
    /** {@link GlobalAvgPool}: mean over H and W; attribute is Boolean keepDims. */
    GLOBAL_AVG_POOL,
    /** {@link Flatten}: [N, C, H, W] to [N, C*H*W]. */
    FLATTEN,
    /** {@link Dropout} at inference: attribute is the Float scale (1 means identity). */
    SCALE,
    /** {@link Ops#add}: elementwise sum of two tensors of one shape. */
    ADD,
    /** {@link Ops#mul}: x * gate, gate broadcast from [N, C, 1, 1]. */
    MUL,
    /** {@link Ops#concat}: concatenation along channels. */
    CONCAT,
    /** {@link Ops#sliceChannels}: channels [from, to); attribute is int[]{from, to}. */
    SLICE_CHANNELS,
    /** {@link Ops#channelShuffle}: attribute is the Integer group count. */
    CHANNEL_SHUFFLE
}
