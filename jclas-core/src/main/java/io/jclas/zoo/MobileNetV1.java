package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Sequential;

/**
 * MobileNetV1 as PaddleClas's {@code legendary_models/mobilenet_v1.py}: a 3x3 s2 stem and 13
 * depthwise-separable blocks, every conv followed by BN and ReLU (not ReLU6), widths {@code int(c *
 * scale)} without rounding to a divisor; global pooling and a linear classifier, no dropout.
 *
 * <p>{@code smallInput}: the stem conv has stride 1 (there is no stem pool). Parameters are unchanged.
 */
final class MobileNetV1 {
    /** (in, out, stride) of the 13 blocks at scale 1. */
    private static final int[][] BLOCKS = {
        {32, 64, 1}, {64, 128, 2}, {128, 128, 1}, {128, 256, 2}, {256, 256, 1}, {256, 512, 2},
        {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1}, {512, 512, 1},
        {512, 1024, 2}, {1024, 1024, 1},
    };

    private MobileNetV1() {}

    static void register(Registry r) {
        r.add("MobileNetV1_x0_25", Family.MOBILENET_V1, 224, 1, 0, o -> build(0.25, o));
        r.add("MobileNetV1_x0_5", Family.MOBILENET_V1, 224, 1, 0, o -> build(0.5, o));
        r.add("MobileNetV1_x0_75", Family.MOBILENET_V1, 224, 1, 0, o -> build(0.75, o));
        r.add("MobileNetV1", Family.MOBILENET_V1, 224, 1, 0, o -> build(1.0, o));
    }

    private static Network build(double scale, ModelOptions o) {
        Sequential blocks = new Sequential();
        for (int[] b : BLOCKS) {
            blocks.add(new DepthwiseSeparable(width(b[0], scale), width(b[1], scale), b[2]));
        }
        int last = width(1024, scale);
        Sequential features = new Sequential()
                .add("conv", ConvBnAct.builder(o.inputChannels(), width(32, scale), 3)
                        .optStride(o.stemStride(2)).optAct(Act.RELU).build())
                .add("blocks", blocks);
        Sequential head = new Sequential()
                .add("avg_pool", new GlobalAvgPool(false))
                .add("fc", new Fc(last, o.classNum()));
        return new Network(features, last, head, o);
    }

    private static int width(int channels, double scale) {
        return (int) (channels * scale);
    }

    /** Depthwise 3x3 with the stride (BN, ReLU), then pointwise 1x1 (BN, ReLU). */
    static final class DepthwiseSeparable extends Layer {
        private final ConvBnAct depthwise;
        private final ConvBnAct pointwise;

        DepthwiseSeparable(int in, int out, int stride) {
            depthwise = child("dw_conv", ConvBnAct.builder(in, in, 3)
                    .optStride(stride).depthwise().optAct(Act.RELU).build());
            pointwise = child("pw_conv", ConvBnAct.builder(in, out, 1).optAct(Act.RELU).build());
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            return apply(pointwise, ps, apply(depthwise, ps, x, training), training);
        }
    }
}
