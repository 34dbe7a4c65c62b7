package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Sequential;

/**
 * SqueezeNet 1.0 and 1.1 (Iandola et al., arXiv:1602.07360) as PaddleClas defines them
 * ({@code model_zoo/squeezenet.py}): biased convs with ReLU, {@link Fire} modules, and max-pools
 * 3x3 stride 2 in floor mode (torchvision uses ceil mode; floor gives 1.0's 54/26/12 maps and
 * PaddleClas's 0.78 GFLOPs). Head: Dropout(0.5, {@code downscale_in_infer}: x0.5 at inference) -
 * {@code conv10} 1x1 with bias - ReLU - global average pool.
 *
 * <p>{@link ModelOptions#smallInput()}: the first conv gets stride 1 and the max-pool after it is
 * replaced by the identity. Parameters and their names are unchanged.
 *
 * <p>{@link Variant#TORCHVISION} builds torchvision's {@code squeezenet1_0/1_1} instead: ceil-mode
 * pools, 1.1's stem conv unpadded, and dropout that is the identity at inference.
 */
public final class SqueezeNet {
    /** Fire modules fire2..fire9: squeeze, expand 1x1, expand 3x3 widths. */
    private static final int[][] FIRES = {
        {16, 64, 64}, {16, 64, 64}, {32, 128, 128}, {32, 128, 128},
        {48, 192, 192}, {48, 192, 192}, {64, 256, 256}, {64, 256, 256},
    };
    /** Fire indices (0 = fire2) that a max-pool precedes, besides the pool after the first conv. */
    private static final int[] POOLS_V1_0 = {3, 7};
    private static final int[] POOLS_V1_1 = {2, 4};

    private SqueezeNet() {}

    /** The fire indices (0 = fire2) that a max-pool precedes, besides the first pool: 1.0's or 1.1's. */
    public static int[] poolsBeforeFires(boolean v10) {
        return (v10 ? POOLS_V1_0 : POOLS_V1_1).clone();
    }

    static void register(Registry r) {
        // Minimum sides found by running the models: each floor-mode pool needs a 3x3 map.
        r.add("SqueezeNet1_0", Family.SQUEEZENET, 224, 35, 0, o -> build(true, o));
        r.add("SqueezeNet1_1", Family.SQUEEZENET, 224, 29, 0, o -> build(false, o));
    }

    /** Version 1.0 (7x7 stride-2 conv to 96) or 1.1 (3x3 stride-2 conv to 64, earlier pools). */
    static Network build(boolean v10, ModelOptions o) {
        int width = v10 ? 96 : 64;
        ConvBnAct stem = v10
                ? conv(o.inputChannels(), width, 7, o.stemStride(2), 0)
                : conv(o.inputChannels(), width, 3, o.stemStride(2), o.torchvision() ? 0 : 1);
        // For small inputs the first pool is an empty Sequential (the identity), not absent, so
        // the children keep their positions and parameter names.
        Sequential features = new Sequential()
                .add("conv", stem)
                .add("pool", o.smallInput() ? new Sequential() : pool(o));
        int[] pools = v10 ? POOLS_V1_0 : POOLS_V1_1;
        int in = width;
        int poolCount = 1;
        for (int i = 0; i < FIRES.length; i++) {
            if (i == pools[0] || i == pools[1]) {
                features.add("pool" + poolCount++, pool(o));
            }
            int[] f = FIRES[i];
            features.add("fire" + (i + 2), new Fire(in, f[0], f[1], f[2]));
            in = f[1] + f[2];
        }
        Sequential head = new Sequential()
                .add("drop", new Dropout(0.5f, o.dropoutMode()))
                .add("conv10", conv(in, o.classNum(), 1, 1, 0))
                .add("avg_pool", new GlobalAvgPool(false));
        return new Network(features, in, head, o);
    }

    /** Biased conv + ReLU (PaddleClas's MakeFireConv and the stem conv). */
    private static ConvBnAct conv(int in, int out, int kernel, int stride, int padding) {
        return ConvBnAct.builder(in, out, kernel).optStride(stride).optPadding(padding)
                .noBatchNormWithBias().optAct(Act.RELU).build();
    }

    private static Pool2d pool(ModelOptions o) {
        return o.torchvision() ? Pool2d.maxCeil(3, 2) : Pool2d.max(3, 2, 0);
    }

    /** The Fire module: {@code squeeze} 1x1, then concat of {@code expand1x1} and {@code expand3x3}. */
    static final class Fire extends Layer {
        private final ConvBnAct squeeze;
        private final ConvBnAct expand1x1;
        private final ConvBnAct expand3x3;

        Fire(int in, int squeezed, int expand1, int expand3) {
            squeeze = child("squeeze", conv(in, squeezed, 1, 1, 0));
            expand1x1 = child("expand1x1", conv(squeezed, expand1, 1, 1, 0));
            expand3x3 = child("expand3x3", conv(squeezed, expand3, 3, 1, 1));
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray s = apply(squeeze, ps, x, training);
            return Ops.concat(apply(expand1x1, ps, s, training), apply(expand3x3, ps, s, training));
        }
    }
}
