package io.jclas.zoo;

import io.jclas.layers.Act;
import io.jclas.layers.Sequential;
import io.jclas.layers.SqueezeExcite;

/**
 * SE-ResNeXt (Xie et al., CVPR 2017, arXiv:1611.05431; Hu et al., CVPR 2018, arXiv:1709.01507) as
 * PaddleClas defines it ({@code model_zoo/se_resnext.py}, {@code model_zoo/se_resnext_vd.py}).
 *
 * <p>Bottleneck: {@code conv0} 1x1 to w, {@code conv1} 3x3 with groups = cardinality (stride here),
 * {@code conv2} 1x1 to the stage width (2w for cardinality 32, w for 64), {@code scale}
 * squeeze-excitation (reduction 16, sigmoid gate), sum with the shortcut, ReLU.
 * SE_ResNeXt50_32x4d has the 7x7 stem and stride-carrying projections; the vd models the 3x3 stem
 * (64, 64, 128) and ResNet_vd's avg-pool projections. SENet154_vd is PaddleClas's version of
 * SENet-154: cardinality 64, widths 256..2048 without expansion, no dropout.
 *
 * <p>{@link ModelOptions#smallInput()}: the first stem conv gets stride 1 and the stem max-pool is
 * replaced by the identity (total stride 8 instead of 32). Parameters and their names are
 * unchanged.
 */
final class SeResNeXt {
    private static final int SE_REDUCTION = 16;
    private static final int[] OUTS = {256, 512, 1024, 2048};

    private SeResNeXt() {}

    static void register(Registry r) {
        r.add("SE_ResNeXt50_32x4d", Family.SE_RESNEXT, 224, 1, 0,
                o -> build(new int[] {3, 4, 6, 3}, 32, false, o));
        r.add("SE_ResNeXt50_vd_32x4d", Family.SE_RESNEXT, 224, 1, 0,
                o -> build(new int[] {3, 4, 6, 3}, 32, true, o));
        r.add("SENet154_vd", Family.SE_RESNEXT, 224, 1, 0,
                o -> build(new int[] {3, 8, 36, 3}, 64, true, o));
    }

    /**
     * @param depths blocks per stage
     * @param cardinality groups of the 3x3 conv: 32 (widths 128..1024, x2 expansion) or 64
     *     (widths 256..2048, no expansion)
     * @param vd deep stem and avg-pool projection shortcuts
     */
    static Network build(int[] depths, int cardinality, boolean vd, ModelOptions o) {
        int expansion = cardinality == 32 ? 2 : 1;
        Sequential stem = vd ? ResNet.stem(o, 64, 64, 128) : ResNet.stem(o, 64);
        int stemOut = vd ? 128 : 64;
        Sequential blocks = ResNet.stages(stemOut, depths, OUTS, vd,
                (stage, in, stride) -> block(in, OUTS[stage] / expansion, OUTS[stage], stride, cardinality));
        int channels = OUTS[OUTS.length - 1];
        return new Network(ResNet.features(stem, blocks, o), channels, ResNet.classifier(channels, o), o);
    }

    private static ResNet.ResidualBlock block(int in, int width, int out, int stride, int cardinality) {
        return new ResNet.ResidualBlock()
                .then("conv0", ResNet.cbr(in, width, 1, 1, 1))
                .then("conv1", ResNet.cbr(width, width, 3, stride, cardinality))
                .then("conv2", ResNet.cb(width, out, 1))
                .then("scale", new SqueezeExcite(out, out / SE_REDUCTION, Act.SIGMOID));
    }
}
