package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Sequential;

/**
 * ShuffleNetV2 as PaddleClas's {@code model_zoo/shufflenet_v2.py}: stem conv 3x3 s2 + max-pool, three
 * stages of 4, 8, 4 blocks (each opened by a stride-2 {@link InvertedResidualDS}), a last 1x1 conv,
 * global pooling and a linear classifier, no dropout. ShuffleNetV2_x2_0 uses today's stage-2 width
 * 244 (the published 571.70 MFLOPs were measured with the pre-2022 width 224).
 *
 * <p>{@code smallInput}: the stem conv has stride 1 and the stem max-pool is dropped, so a 32x32
 * image reaches the last stage at 4x4 instead of 1x1. Parameters are unchanged.
 */
final class ShuffleNetV2 {
    private static final int STEM = 24;
    private static final int[] REPEATS = {4, 8, 4};

    /** Stage 2-4 widths and the last conv width per scale, PaddleClas's {@code stage_out_channels}. */
    private enum Width {
        X0_25("ShuffleNetV2_x0_25", Act.RELU, 24, 48, 96, 512),
        X0_33("ShuffleNetV2_x0_33", Act.RELU, 32, 64, 128, 512),
        X0_5("ShuffleNetV2_x0_5", Act.RELU, 48, 96, 192, 1024),
        X1_0("ShuffleNetV2_x1_0", Act.RELU, 116, 232, 464, 1024),
        SWISH("ShuffleNetV2_swish", Act.SWISH, 116, 232, 464, 1024),
        X1_5("ShuffleNetV2_x1_5", Act.RELU, 176, 352, 704, 1024),
        X2_0("ShuffleNetV2_x2_0", Act.RELU, 244, 488, 976, 2048);

        final String modelName;
        final Act act;
        final int[] stages;
        final int last;

        Width(String modelName, Act act, int s2, int s3, int s4, int last) {
            this.modelName = modelName;
            this.act = act;
            this.stages = new int[] {s2, s3, s4};
            this.last = last;
        }
    }

    private ShuffleNetV2() {}

    static void register(Registry r) {
        for (Width w : Width.values()) {
            r.add(w.modelName, Family.SHUFFLENET_V2, 224, 1, 0, o -> build(w, o));
        }
    }

    private static Network build(Width w, ModelOptions o) {
        Sequential features = new Sequential()
                .add("_conv1", ConvBnAct.builder(o.inputChannels(), STEM, 3)
                        .optStride(o.stemStride(2)).optAct(w.act).build());
        if (!o.smallInput()) {
            features.add("_max_pool", Pool2d.max(3, 2, 1));
        }
        int in = STEM;
        for (int stage = 0; stage < REPEATS.length; stage++) {
            int out = w.stages[stage];
            for (int i = 0; i < REPEATS[stage]; i++) {
                String name = (stage + 2) + "_" + (i + 1);
                features.add(name, i == 0 ? new InvertedResidualDS(in, out, w.act) : new InvertedResidual(out, w.act));
            }
            in = out;
        }
        features.add("_last_conv", ConvBnAct.builder(in, w.last, 1).optAct(w.act).build());
        Sequential head = new Sequential()
                .add("_pool2d_avg", new GlobalAvgPool(false))
                .add("_fc", new Fc(w.last, o.classNum()));
        return new Network(features, w.last, head, o);
    }

    /**
     * Stride-1 unit: the first half of the channels passes through, the second half goes through
     * 1x1 → depthwise 3x3 → 1x1; the halves are concatenated and shuffled in two groups. Children
     * carry PaddleClas's attribute names.
     */
    static final class InvertedResidual extends Layer {
        private final int half;
        private final ConvBnAct pointwise;
        private final ConvBnAct depthwise;
        private final ConvBnAct linear;

        InvertedResidual(int channels, Act act) {
            half = channels / 2;
            pointwise = child("_conv_pw", ConvBnAct.builder(half, half, 1).optAct(act).build());
            depthwise = child("_conv_dw", ConvBnAct.builder(half, half, 3).depthwise().build());
            linear = child("_conv_linear", ConvBnAct.builder(half, half, 1).optAct(act).build());
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray kept = Ops.sliceChannels(x, 0, half);
            NDArray y = Ops.sliceChannels(x, half, 2 * half);
            y = apply(linear, ps, apply(depthwise, ps, apply(pointwise, ps, y, training), training), training);
            return Ops.channelShuffle(Ops.concat(kept, y), 2);
        }
    }

    /**
     * Stride-2 unit that widens {@code in} to {@code out}: branch 1 is depthwise 3x3 s2 → 1x1,
     * branch 2 is 1x1 → depthwise 3x3 s2 → 1x1, each giving out/2 channels; concatenated and shuffled.
     */
    static final class InvertedResidualDS extends Layer {
        private final ConvBnAct depthwise1;
        private final ConvBnAct linear1;
        private final ConvBnAct pointwise2;
        private final ConvBnAct depthwise2;
        private final ConvBnAct linear2;

        InvertedResidualDS(int in, int out, Act act) {
            int half = out / 2;
            depthwise1 = child("_conv_dw_1", ConvBnAct.builder(in, in, 3).optStride(2).depthwise().build());
            linear1 = child("_conv_linear_1", ConvBnAct.builder(in, half, 1).optAct(act).build());
            pointwise2 = child("_conv_pw_2", ConvBnAct.builder(in, half, 1).optAct(act).build());
            depthwise2 = child("_conv_dw_2", ConvBnAct.builder(half, half, 3).optStride(2).depthwise().build());
            linear2 = child("_conv_linear_2", ConvBnAct.builder(half, half, 1).optAct(act).build());
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray a = apply(linear1, ps, apply(depthwise1, ps, x, training), training);
            NDArray b = apply(pointwise2, ps, x, training);
            b = apply(linear2, ps, apply(depthwise2, ps, b, training), training);
            return Ops.channelShuffle(Ops.concat(a, b), 2);
        }
    }
}
