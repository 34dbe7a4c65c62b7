package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Squeeze-and-excitation: x * gate(expand(relu(reduce(mean_hw(x))))). The two projections are
 * biased 1x1 convolutions; PaddleClas writes some as Linear layers (SE-ResNeXt, GhostNet), which
 * have the same parameters, MACs and values on a 1x1 map.
 */
public final class SqueezeExcite extends Layer {
    private final GlobalAvgPool pool = child("pool", new GlobalAvgPool(true));
    private final ConvBnAct reduce;
    private final ConvBnAct expand;

    /**
     * @param channels the channels of x
     * @param squeezed the bottleneck width (C/4 in MobileNetV3 and GhostNet, C/16 in SE-ResNeXt)
     * @param gate the gate activation: {@link Act#HARD_SIGMOID} (MobileNetV3), {@link Act#CLIP01}
     *     (GhostNet), {@link Act#SIGMOID} (SE-ResNeXt)
     */
    public SqueezeExcite(int channels, int squeezed, Act gate) {
        reduce = child("squeeze", ConvBnAct.builder(channels, squeezed, 1)
                .noBatchNormWithBias().optAct(Act.RELU).build());
        expand = child("excitation", ConvBnAct.builder(squeezed, channels, 1)
                .noBatchNormWithBias().optAct(gate).build());
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray s = apply(pool, ps, x, training);
        NDArray gate = apply(expand, ps, apply(reduce, ps, s, training), training);
        return Ops.mul(x, gate);
    }
}
