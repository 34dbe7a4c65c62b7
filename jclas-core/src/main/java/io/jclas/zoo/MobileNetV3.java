package io.jclas.zoo;

import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.InvertedResidualUnit;
import io.jclas.layers.Sequential;
import io.jclas.layers.Widths;

/**
 * MobileNetV3 small and large as PaddleClas's {@code legendary_models/mobilenet_v3.py}: a hardswish
 * 3x3 s2 stem, the {@link InvertedResidualUnit} rows of the paper (squeeze-excitation to mid/4 with a
 * hard-sigmoid gate of slope 0.2), widths {@code make_divisible(c * scale, 8)}, a 1x1 conv to
 * make_divisible(960 or 576 * scale), then the head: global pooling, a 1x1 conv to 1280 (unscaled,
 * no BN) with hardswish, Dropout(0.2) in Paddle's downscale-in-infer mode (so inference multiplies by
 * 0.8 before the classifier, which changes the logits) and a linear classifier.
 *
 * <p>{@code smallInput}: the stem conv has stride 1 (there is no stem pool). Parameters are unchanged.
 */
final class MobileNetV3 {
    private static final int STEM = 16;
    private static final int LAST_CONV = 1280;
    private static final double[] SCALES = {0.35, 0.5, 0.75, 1.0, 1.25};

    /** One unit: kernel, expansion width, output width, SE, activation, stride (at scale 1). */
    private record Row(int kernel, int exp, int out, boolean se, Act act, int stride) {}

    private enum Config {
        LARGE("large", 960,
                new Row(3, 16, 16, false, Act.RELU, 1),
                new Row(3, 64, 24, false, Act.RELU, 2),
                new Row(3, 72, 24, false, Act.RELU, 1),
                new Row(5, 72, 40, true, Act.RELU, 2),
                new Row(5, 120, 40, true, Act.RELU, 1),
                new Row(5, 120, 40, true, Act.RELU, 1),
                new Row(3, 240, 80, false, Act.HARD_SWISH, 2),
                new Row(3, 200, 80, false, Act.HARD_SWISH, 1),
                new Row(3, 184, 80, false, Act.HARD_SWISH, 1),
                new Row(3, 184, 80, false, Act.HARD_SWISH, 1),
                new Row(3, 480, 112, true, Act.HARD_SWISH, 1),
                new Row(3, 672, 112, true, Act.HARD_SWISH, 1),
                new Row(5, 672, 160, true, Act.HARD_SWISH, 2),
                new Row(5, 960, 160, true, Act.HARD_SWISH, 1),
                new Row(5, 960, 160, true, Act.HARD_SWISH, 1)),
        SMALL("small", 576,
                new Row(3, 16, 16, true, Act.RELU, 2),
                new Row(3, 72, 24, false, Act.RELU, 2),
                new Row(3, 88, 24, false, Act.RELU, 1),
                new Row(5, 96, 40, true, Act.HARD_SWISH, 2),
                new Row(5, 240, 40, true, Act.HARD_SWISH, 1),
                new Row(5, 240, 40, true, Act.HARD_SWISH, 1),
                new Row(5, 120, 48, true, Act.HARD_SWISH, 1),
                new Row(5, 144, 48, true, Act.HARD_SWISH, 1),
                new Row(5, 288, 96, true, Act.HARD_SWISH, 2),
                new Row(5, 576, 96, true, Act.HARD_SWISH, 1),
                new Row(5, 576, 96, true, Act.HARD_SWISH, 1));

        final String title;
        final int lastSecond;
        final Row[] rows;

        Config(String title, int lastSecond, Row... rows) {
            this.title = title;
            this.lastSecond = lastSecond;
            this.rows = rows;
        }
    }

    private MobileNetV3() {}

    static void register(Registry r) {
        for (Config c : Config.values()) {
            for (double scale : SCALES) {
                String name = "MobileNetV3_" + c.title + "_x" + String.valueOf(scale).replace('.', '_');
                r.add(name, Family.MOBILENET_V3, 224, 1, 0, o -> build(c, scale, o));
            }
        }
    }

    private static int divisible(double v) {
        return Widths.makeDivisible(v, 8);
    }

    private static Network build(Config c, double scale, ModelOptions o) {
        int in = divisible(STEM * scale);
        Sequential features = new Sequential()
                .add("conv", ConvBnAct.builder(o.inputChannels(), in, 3)
                        .optStride(o.stemStride(2)).optAct(Act.HARD_SWISH).build());
        Sequential blocks = new Sequential();
        for (Row row : c.rows) {
            int mid = divisible(scale * row.exp());
            int out = divisible(scale * row.out());
            InvertedResidualUnit.Builder unit = InvertedResidualUnit.builder(in, mid, out)
                    .optKernel(row.kernel()).optStride(row.stride()).optAct(row.act());
            if (row.se()) {
                unit.optSqueezeExcite(mid / 4, Act.HARD_SIGMOID);
            }
            blocks.add(unit.build());
            in = out;
        }
        features.add("blocks", blocks);
        int lastSecond = divisible(scale * c.lastSecond);
        features.add("last_second_conv", ConvBnAct.builder(in, lastSecond, 1).optAct(Act.HARD_SWISH).build());
        Sequential head = new Sequential()
                .add("avg_pool", new GlobalAvgPool(true))
                .add("last_conv", ConvBnAct.builder(lastSecond, LAST_CONV, 1)
                        .noBatchNorm().optAct(Act.HARD_SWISH).build())
                .add("dropout", new Dropout(0.2f, Dropout.Mode.DOWNSCALE_IN_INFER))
                .add("flatten", new Flatten())
                .add("fc", new Fc(LAST_CONV, o.classNum()));
        return new Network(features, lastSecond, head, o);
    }
}
