package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;
import io.jclas.layers.Sequential;
import io.jclas.layers.SqueezeExcite;
import io.jclas.layers.Widths;

/**
 * GhostNet as PaddleClas's {@code model_zoo/ghostnet.py}: a ReLU 3x3 s2 stem, 16
 * {@link GhostBottleneck}s with widths {@code make_divisible(c * scale, 4)}, a 1x1 conv to
 * make_divisible(960 * scale, 4), then the head: global pooling, {@code fc_0} (a 1x1 conv to 1280 with
 * BN and ReLU), Dropout(0.2) in the upscale-in-train mode (identity at inference) and a linear
 * classifier.
 *
 * <p>{@code smallInput}: the stem conv has stride 1 (there is no stem pool). Parameters are unchanged.
 */
final class GhostNet {
    private static final int STEM = 16;
    private static final int LAST = 960;
    private static final int FC0 = 1280;
    /** (kernel, expansion width, output width, SE 0/1, stride) at scale 1. */
    private static final int[][] ROWS = {
        {3, 16, 16, 0, 1}, {3, 48, 24, 0, 2}, {3, 72, 24, 0, 1}, {5, 72, 40, 1, 2}, {5, 120, 40, 1, 1},
        {3, 240, 80, 0, 2}, {3, 200, 80, 0, 1}, {3, 184, 80, 0, 1}, {3, 184, 80, 0, 1}, {3, 480, 112, 1, 1},
        {3, 672, 112, 1, 1}, {5, 672, 160, 1, 2}, {5, 960, 160, 0, 1}, {5, 960, 160, 1, 1}, {5, 960, 160, 0, 1},
        {5, 960, 160, 1, 1},
    };

    private GhostNet() {}

    static void register(Registry r) {
        r.add("GhostNet_x0_5", Family.GHOSTNET, 224, 1, 0, o -> build(0.5, o));
        r.add("GhostNet_x1_0", Family.GHOSTNET, 224, 1, 0, o -> build(1.0, o));
        r.add("GhostNet_x1_3", Family.GHOSTNET, 224, 1, 0, o -> build(1.3, o));
    }

    private static int divisible(double v) {
        return Widths.makeDivisible(v, 4);
    }

    private static Network build(double scale, ModelOptions o) {
        int in = divisible(STEM * scale);
        Sequential features = new Sequential()
                .add("conv1", ConvBnAct.builder(o.inputChannels(), in, 3)
                        .optStride(o.stemStride(2)).optAct(Act.RELU).build());
        for (int i = 0; i < ROWS.length; i++) {
            int[] row = ROWS[i];
            int out = divisible(row[2] * scale);
            features.add("_ghostbottleneck_" + i,
                    new GhostBottleneck(in, divisible(row[1] * scale), out, row[0], row[4], row[3] == 1));
            in = out;
        }
        int last = divisible(LAST * scale);
        features.add("conv_last", ConvBnAct.builder(in, last, 1).optAct(Act.RELU).build());
        Sequential head = new Sequential()
                .add("pool2d_gap", new GlobalAvgPool(true))
                .add("fc_0", ConvBnAct.builder(last, FC0, 1).optAct(Act.RELU).build())
                .add("dropout", new Dropout(0.2f, Dropout.Mode.UPSCALE_IN_TRAIN))
                .add("flatten", new Flatten())
                .add("fc_1", new Fc(FC0, o.classNum()));
        return new Network(features, last, head, o);
    }

    /**
     * Half the output channels from a 1x1 conv ({@code primary_conv}), the other half from a cheap
     * depthwise 3x3 on those ({@code cheap_operation}), concatenated.
     */
    static final class GhostModule extends Layer {
        private final ConvBnAct primary;
        private final ConvBnAct cheap;

        GhostModule(int in, int out, boolean relu) {
            int init = (out + 1) / 2;
            Act act = relu ? Act.RELU : Act.NONE;
            primary = child("primary_conv", ConvBnAct.builder(in, init, 1).optAct(act).build());
            cheap = child("cheap_operation", ConvBnAct.builder(init, init, 3).depthwise().optAct(act).build());
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray p = apply(primary, ps, x, training);
            return Ops.concat(p, apply(cheap, ps, p, training));
        }
    }

    /**
     * Ghost module (ReLU) to the hidden width → depthwise k x k s2 when striding → optional SE (gate
     * clip(x, 0, 1)) → ghost module (linear) to the output width, plus the input, or when the stride
     * or width changes, a depthwise k x k → 1x1 projection of it. No activation after the sum.
     */
    static final class GhostBottleneck extends Layer {
        private final GhostModule ghost1;
        private final ConvBnAct depthwise;
        private final SqueezeExcite se;
        private final GhostModule ghost2;
        private final ConvBnAct shortcutDepthwise;
        private final ConvBnAct shortcutConv;

        GhostBottleneck(int in, int hidden, int out, int kernel, int stride, boolean useSe) {
            ghost1 = child("ghost_module_1", new GhostModule(in, hidden, true));
            depthwise = stride == 2
                    ? child("depthwise_conv", ConvBnAct.builder(hidden, hidden, kernel)
                            .optStride(stride).depthwise().build())
                    : null;
            se = useSe ? child("se_block", new SqueezeExcite(hidden, hidden / 4, Act.CLIP01)) : null;
            ghost2 = child("ghost_module_2", new GhostModule(hidden, out, false));
            boolean identity = stride == 1 && in == out;
            shortcutDepthwise = identity ? null : child("shortcut_depthwise",
                    ConvBnAct.builder(in, in, kernel).optStride(stride).depthwise().build());
            shortcutConv = identity ? null : child("shortcut_conv", ConvBnAct.builder(in, out, 1).build());
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = apply(ghost1, ps, x, training);
            if (depthwise != null) {
                y = apply(depthwise, ps, y, training);
            }
            if (se != null) {
                y = apply(se, ps, y, training);
            }
            y = apply(ghost2, ps, y, training);
            NDArray shortcut = shortcutConv == null
                    ? x
                    : apply(shortcutConv, ps, apply(shortcutDepthwise, ps, x, training), training);
            return Ops.add(y, shortcut);
        }
    }
}
