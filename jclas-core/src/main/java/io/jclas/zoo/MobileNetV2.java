package io.jclas.zoo;

import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.InvertedResidualUnit;
import io.jclas.layers.Sequential;

/**
 * MobileNetV2 as PaddleClas's {@code model_zoo/mobilenet_v2.py}: ReLU6 everywhere, widths
 * {@code int(c * scale)} (no divisor rounding), expansion {@code in * t}, seven groups of
 * {@link InvertedResidualUnit}s (the expand conv kept even at t=1), a last 1x1 conv to 1280 (or
 * {@code int(1280 * scale)} above scale 1), global pooling and a linear classifier, no dropout.
 *
 * <p>{@code smallInput}: the stem conv has stride 1 (there is no stem pool). Parameters are unchanged.
 */
public final class MobileNetV2 {
    /** (t, c, n, s): expansion, width at scale 1, repeats, first stride. */
    private static final int[][] GROUPS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1},
    };

    private MobileNetV2() {}

    /** Inverted residual units per group (conv2..conv8), the {@code n} column of the paper's table. */
    public static int[] groupRepeats() {
        int[] n = new int[GROUPS.length];
        for (int g = 0; g < n.length; g++) {
            n[g] = GROUPS[g][2];
        }
        return n;
    }

    static void register(Registry r) {
        r.add("MobileNetV2_x0_25", Family.MOBILENET_V2, 224, 1, 0, o -> build(0.25, o));
        r.add("MobileNetV2_x0_5", Family.MOBILENET_V2, 224, 1, 0, o -> build(0.5, o));
        r.add("MobileNetV2_x0_75", Family.MOBILENET_V2, 224, 1, 0, o -> build(0.75, o));
        r.add("MobileNetV2", Family.MOBILENET_V2, 224, 1, 0, o -> build(1.0, o));
        r.add("MobileNetV2_x1_5", Family.MOBILENET_V2, 224, 1, 0, o -> build(1.5, o));
        r.add("MobileNetV2_x2_0", Family.MOBILENET_V2, 224, 1, 0, o -> build(2.0, o));
    }

    private static Network build(double scale, ModelOptions o) {
        int in = (int) (32 * scale);
        Sequential features = new Sequential()
                .add("conv1", ConvBnAct.builder(o.inputChannels(), in, 3)
                        .optStride(o.stemStride(2)).optAct(Act.RELU6).build());
        for (int g = 0; g < GROUPS.length; g++) {
            int t = GROUPS[g][0];
            int out = (int) (GROUPS[g][1] * scale);
            Sequential group = new Sequential();
            for (int i = 0; i < GROUPS[g][2]; i++) {
                int stride = i == 0 ? GROUPS[g][3] : 1;
                group.add(InvertedResidualUnit.builder(in, in * t, out)
                        .optStride(stride).optAct(Act.RELU6).build());
                in = out;
            }
            features.add("conv" + (g + 2), group);
        }
        int last = scale > 1.0 ? (int) (1280 * scale) : 1280;
        features.add("conv9", ConvBnAct.builder(in, last, 1).optAct(Act.RELU6).build());
        Sequential head = new Sequential()
                .add("pool2d_avg", new GlobalAvgPool(false))
                .add("out", new Fc(last, o.classNum()));
        return new Network(features, last, head, o);
    }
}
