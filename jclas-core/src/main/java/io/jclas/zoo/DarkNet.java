package io.jclas.zoo;

import io.jclas.layers.Act;
import io.jclas.layers.Sequential;

/**
 * DarkNet-53 (Redmon and Farhadi, arXiv:1804.02767) as PaddleClas defines it
 * ({@code model_zoo/darknet.py}): every conv is Conv + BN + ReLU (not LeakyReLU), the residual sum
 * has no activation after it, and the default input is 256x256.
 *
 * <p>Layout: {@code yolo_input} 3x3 to 32, {@code downsample} 3x3 stride 2 to 64, then five
 * stages {@code stage.i} of 1, 2, 8, 8, 4 blocks (1x1 to C/2, 3x3 back to C, sum with the input),
 * each but the last ending in a stride-2 3x3 {@code downsample} that doubles the channels.
 *
 * <p>{@link ModelOptions#smallInput()}: DarkNet's first conv already has stride 1 and it has no
 * max-pool, so the first strided conv ({@code downsample}) gets stride 1 instead (total stride 16
 * instead of 32). Parameters are unchanged.
 */
final class DarkNet {
    private static final int[] DEPTHS = {1, 2, 8, 8, 4};

    private DarkNet() {}

    static void register(Registry r) {
        // PaddleClas evaluates it by resizing the short side to 292, not 256 / 0.875 = 293
        r.add("DarkNet53", Family.DARKNET, 256, 1, 0, ModelInfo.InputDefaults.IMAGENET.withCropRatio(256 / 292.0),
                DarkNet::build);
    }

    static Network build(ModelOptions o) {
        Sequential features = new Sequential()
                .add("yolo_input", ResNet.cbr(o.inputChannels(), 32, 3, 1, 1))
                .add("downsample", ResNet.cbr(32, 64, 3, o.stemStride(2), 1));
        Sequential stages = new Sequential();
        int channels = 64;
        for (int s = 0; s < DEPTHS.length; s++) {
            Sequential stage = new Sequential();
            for (int i = 0; i < DEPTHS[s]; i++) {
                stage.add(new ResNet.ResidualBlock()
                        .then("conv1", ResNet.cbr(channels, channels / 2, 1, 1, 1))
                        .then("conv2", ResNet.cbr(channels / 2, channels, 3, 1, 1))
                        .join(null, Act.NONE));
            }
            if (s < DEPTHS.length - 1) {
                stage.add("downsample", ResNet.cbr(channels, channels * 2, 3, 2, 1));
                channels *= 2;
            }
            stages.add(stage);
        }
        features.add("stage", stages);
        return new Network(features, channels, ResNet.classifier(channels, o), o);
    }
}
