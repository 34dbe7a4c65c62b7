package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.Activate;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ResNet (He et al., CVPR 2016, arXiv:1512.03385) with the "bag of tricks" variants (He et al., CVPR
 * 2019, arXiv:1812.01187), as PaddleClas defines them ({@code legendary_models/resnet.py},
 * {@code model_zoo/resnet_vc.py}):
 *
 * <ul>
 *   <li>vb (the plain {@code ResNet18..152}): 7x7 stem, stride on the 3x3 conv, 1x1 stride-2
 *       projection shortcut;
 *   <li>vc: vb with a 3-conv 3x3 stem (32, 32, 64);
 *   <li>vd: vc with an avg-pool (2x2, stride 2, ceil mode, exclusive) before a stride-1 1x1
 *       projection on the first block of stages 2-4.
 * </ul>
 *
 * <p>As in PaddleClas, the first block of every stage has a projection shortcut, stage 1 of
 * ResNet18/34 included (64 to 64), so ResNet18 has torchvision's parameters + 4,224.
 *
 * <p>{@link ModelOptions#smallInput()}: the first stem conv gets stride 1 and the stem max-pool is
 * replaced by the identity (total stride 8 instead of 32), for 28x28 / 32x32 images. Parameters
 * and their names are unchanged, so weights load across the option.
 *
 * <p>Also holds the pieces SE-ResNeXt and DarkNet build from: {@link #stem}, {@link #stages},
 * {@link ResidualBlock}, {@link Projection} and {@link #classifier}.
 */
public final class ResNet {
    /** Blocks per stage, by depth. */
    private static final int[][] DEPTHS = {
        {18, 2, 2, 2, 2}, {34, 3, 4, 6, 3}, {50, 3, 4, 6, 3}, {101, 3, 4, 23, 3}, {152, 3, 8, 36, 3},
        {200, 3, 12, 48, 3},
    };
    /** Bottleneck widths of the four stages ({@code num_filters}). */
    private static final int[] WIDTHS = {64, 128, 256, 512};
    private static final int BOTTLENECK_EXPANSION = 4;

    /** Where the ResNet variants differ. */
    enum Variant {
        VB(false, false),
        VC(true, false),
        VD(true, true);

        final boolean deepStem;
        final boolean avgPoolShortcut;

        Variant(boolean deepStem, boolean avgPoolShortcut) {
            this.deepStem = deepStem;
            this.avgPoolShortcut = avgPoolShortcut;
        }
    }

    private ResNet() {}

    static void register(Registry r) {
        for (int[] row : DEPTHS) {
            int depth = row[0];
            if (depth != 200) {
                r.add("ResNet" + depth, Family.RESNET, 224, 1, 0, o -> build(Variant.VB, depth, o));
            }
            r.add("ResNet" + depth + "_vd", Family.RESNET, 224, 1, 0, o -> build(Variant.VD, depth, o));
        }
        r.add("ResNet50_vc", Family.RESNET, 224, 1, 0, o -> build(Variant.VC, 50, o));
        r.alias("ResNet50_vd_ssld", "ResNet50_vd", 224);
        r.alias("ResNet50_vd_v2", "ResNet50_vd", 224);
        r.alias("ResNet50_vd_ssld_v2", "ResNet50_vd", 224);
        r.alias("Fix_ResNet50_vd_ssld_v2", "ResNet50_vd", 320);
        r.alias("ResNet34_vd_ssld", "ResNet34_vd", 224);
        r.alias("ResNet101_vd_ssld", "ResNet101_vd", 224);
    }

    /** ResNet of the given depth (18, 34, 50, 101, 152, 200) and variant. */
    static Network build(Variant variant, int depth, ModelOptions o) {
        int[] depths = stageDepths(depth);
        boolean bottleneck = depth >= 50;
        int expansion = bottleneck ? BOTTLENECK_EXPANSION : 1;
        int[] outs = new int[WIDTHS.length];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = WIDTHS[i] * expansion;
        }
        Sequential stem = variant.deepStem ? stem(o, 32, 32, 64) : stem(o, 64);
        Sequential blocks = stages(64, depths, outs, variant.avgPoolShortcut, (stage, in, stride) -> bottleneck
                ? bottleneckBlock(in, WIDTHS[stage], stride)
                : basicBlock(in, WIDTHS[stage], stride));
        int channels = outs[outs.length - 1];
        return new Network(features(stem, blocks, o), channels, classifier(channels, o), o);
    }

    /** Blocks per stage of a ResNet depth (18: 2, 2, 2, 2), as torchvision and PaddleClas stack them. */
    public static int[] stageDepths(int depth) {
        for (int[] row : DEPTHS) {
            if (row[0] == depth) {
                return new int[] {row[1], row[2], row[3], row[4]};
            }
        }
        throw new IllegalArgumentException("no ResNet of depth " + depth);
    }

    /** {@code conv0} 3x3 (stride s) + ReLU, {@code conv1} 3x3: ResNet18/34's block. */
    private static ResidualBlock basicBlock(int in, int width, int stride) {
        return new ResidualBlock()
                .then("conv0", cbr(in, width, 3, stride, 1))
                .then("conv1", cb(width, width, 3));
    }

    /** {@code conv0} 1x1 + ReLU, {@code conv1} 3x3 stride s + ReLU, {@code conv2} 1x1 to 4w. */
    private static ResidualBlock bottleneckBlock(int in, int width, int stride) {
        return new ResidualBlock()
                .then("conv0", cbr(in, width, 1, 1, 1))
                .then("conv1", cbr(width, width, 3, stride, 1))
                .then("conv2", cb(width, width * BOTTLENECK_EXPANSION, 1));
    }

    // ---- pieces shared with SeResNeXt and DarkNet ----

    /** Conv (no bias) + BatchNorm + ReLU. */
    static ConvBnAct cbr(int in, int out, int kernel, int stride, int groups) {
        return ConvBnAct.builder(in, out, kernel).optStride(stride).optGroups(groups).optAct(Act.RELU).build();
    }

    /** Conv (no bias) + BatchNorm, no activation: the last conv before a residual add. */
    static ConvBnAct cb(int in, int out, int kernel) {
        return ConvBnAct.builder(in, out, kernel).build();
    }

    /**
     * The stem convolutions, children "0", "1", ...: one width gives the 7x7 stride-2 stem, three
     * give the deep stem of 3x3 convs (stride 2 on the first). The first stride follows
     * {@link ModelOptions#stemStride}; the first conv takes {@link ModelOptions#inputChannels}.
     */
    static Sequential stem(ModelOptions o, int... widths) {
        Sequential stem = new Sequential();
        int kernel = widths.length == 1 ? 7 : 3;
        int in = o.inputChannels();
        for (int i = 0; i < widths.length; i++) {
            stem.add(cbr(in, widths[i], kernel, i == 0 ? o.stemStride(2) : 1, 1));
            in = widths[i];
        }
        return stem;
    }

    /**
     * stem, {@code max_pool} 3x3 s2 p1, blocks: the feature extractor. For small inputs the pool is
     * an empty {@link Sequential} (the identity) rather than absent, so that the children keep
     * their positions and parameter names stay the same: weights load across the option.
     */
    static Sequential features(Block stem, Block blocks, ModelOptions o) {
        return new Sequential()
                .add("stem", stem)
                .add("max_pool", o.smallInput() ? new Sequential() : Pool2d.max(3, 2, 1))
                .add("blocks", blocks);
    }

    /** Global average pool then {@code fc}: [N, C, H, W] to [N, classNum]. */
    static Sequential classifier(int channels, ModelOptions o) {
        return new Sequential()
                .add("avg_pool", new GlobalAvgPool(false))
                .add("fc", new Fc(channels, o.classNum()));
    }

    /** Builds the main branch of one residual block. */
    @FunctionalInterface
    interface BlockMaker {
        ResidualBlock make(int stage, int in, int stride);
    }

    /**
     * The residual stages as one flat {@code blocks} sequence, PaddleClas's layout: stage i has
     * {@code depths[i]} blocks ending in {@code outs[i]} channels; the first block of stages 2-4
     * has stride 2; the first block of every stage gets a {@link Projection} shortcut (avg-pool
     * type for stages 2-4 when {@code avgPoolShortcut}); every block ends in ReLU.
     */
    static Sequential stages(int in, int[] depths, int[] outs, boolean avgPoolShortcut, BlockMaker maker) {
        Sequential blocks = new Sequential();
        for (int stage = 0; stage < depths.length; stage++) {
            for (int i = 0; i < depths[stage]; i++) {
                int stride = i == 0 && stage > 0 ? 2 : 1;
                Block shortcut = i == 0 ? new Projection(in, outs[stage], stride, avgPoolShortcut) : null;
                blocks.add(maker.make(stage, in, stride).join(shortcut, Act.RELU));
                in = outs[stage];
            }
        }
        return blocks;
    }

    /**
     * act(main(x) + short(x)): the residual block of ResNet, SE-ResNeXt and DarkNet. The main
     * branch is the named layers given to {@link #then}, run in order (PaddleClas's {@code conv0},
     * {@code conv1}, ...); {@link #join} adds the shortcut {@code short} (identity when null) and
     * the activation after the sum. Configure before initialisation.
     */
    static final class ResidualBlock extends Layer {
        private final List<Block> main = new ArrayList<>();
        private Block shortcut;
        private Block act;

        /** Appends a named layer to the main branch. */
        ResidualBlock then(String name, Block layer) {
            main.add(child(name, layer));
            return this;
        }

        /** Sets the shortcut (null = identity) and the activation after the sum. */
        ResidualBlock join(Block shortcut, Act postAct) {
            if (shortcut != null) {
                this.shortcut = child("short", shortcut);
            }
            if (postAct != Act.NONE) {
                this.act = child(postAct.name().toLowerCase(Locale.ROOT), new Activate(postAct));
            }
            return this;
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = x;
            for (Block b : main) {
                y = apply(b, ps, y, training);
            }
            y = Ops.add(y, shortcut == null ? x : apply(shortcut, ps, x, training));
            return act == null ? y : apply(act, ps, y, training);
        }
    }

    /**
     * The projection shortcut: a 1x1 conv + BN ({@code conv}) at the output resolution. Down-sampling
     * projections first reduce the input with a pool: the vd type with a 2x2 stride-2 average pool
     * (ceil mode, padding excluded: PaddleClas's {@code AvgPool2D(2, 2, ceil_mode=True)}), so no
     * input is skipped; the plain type (vb, vc) with a 1x1 stride-2 max-pool, which just keeps the
     * even positions. The plain type thus computes exactly PaddleClas's stride-2 1x1 conv, with the
     * same parameters and MACs; it is written as pick-then-conv because the backward pass of a
     * strided 1x1 conv with 512 or more input channels kills the JVM (SIGFPE in oneDNN's brgemm
     * blocking heuristic, PyTorch 2.7.1 CPU on machines that report no cache sizes).
     */
    static final class Projection extends Layer {
        private final ConvBnAct conv;
        private final Pool2d pool;

        Projection(int in, int out, int stride, boolean avgPool) {
            // conv registered first: parameter names are then the same with or without the pool
            conv = child("conv", ConvBnAct.builder(in, out, 1).build());
            if (stride == 1) {
                pool = null;
            } else if (avgPool) {
                pool = child("avg_pool", Pool2d.avg(stride, stride, 0, true));
            } else {
                pool = child("subsample", Pool2d.max(1, stride, 0));
            }
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            return apply(conv, ps, pool == null ? x : apply(pool, ps, x, training), training);
        }
    }
}
