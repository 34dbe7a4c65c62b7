package io.jclas.train;

import ai.djl.Device;
import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.zoo.ModelOptions;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The {@code Global} and {@code Arch} settings a run needs, read once from the config with
 * PaddleClas's defaults.
 *
 * @param imageShape {@code Global.image_shape} [channels, height, width]
 * @param checkpoints {@code Global.checkpoints}: a checkpoint to resume from, or null
 * @param pretrained {@code Global.pretrained_model}: weights to start from, or null
 * @param threads {@code Global.threads}: PyTorch intra-op CPU threads, 0 = one per core
 */
record TrainSettings(String archName, int classNum, boolean smallInput, boolean freezeBackbone, int[] imageShape,
        int epochs, long seed, String device, int evalInterval, int saveInterval, boolean evalDuringTrain,
        Path outputRoot, Path checkpoints, Path pretrained, int threads) {

    static TrainSettings from(Config c) {
        int[] shape = c.has("Global.image_shape") ? c.getIntArray("Global.image_shape") : new int[] {3, 224, 224};
        if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
            throw new JclasException("Global.image_shape must be [channels, height, width]",
                    "set e.g. Global.image_shape: [3, 224, 224] (or [1, 28, 28] for Fashion-MNIST)");
        }
        int epochs = c.getInt("Global.epochs", 1);
        if (epochs < 1) {
            throw new JclasException("Global.epochs is " + epochs + ", expected at least 1", "set Global.epochs: 10");
        }
        int classNum = c.getInt("Arch.class_num", 1000);
        if (classNum < 2) {
            throw new JclasException("Arch.class_num is " + classNum + ", expected at least 2",
                    "set Arch.class_num to the number of classes of the dataset");
        }
        return new TrainSettings(
                c.getString("Arch.name"),
                classNum,
                c.getBool("Arch.small_input", false),
                c.getBool("Arch.freeze_backbone", false),
                shape,
                epochs,
                c.getLong("Global.seed", 42),
                c.getString("Global.device", "cpu"),
                Math.max(1, c.getInt("Global.eval_interval", 1)),
                Math.max(1, c.getInt("Global.save_interval", 1)),
                c.getBool("Global.eval_during_train", true),
                Paths.get(c.getString("Global.output_dir", "./output/")),
                optionalPath(c, "Global.checkpoints"),
                optionalPath(c, "Global.pretrained_model"),
                c.getInt("Global.threads", 0));
    }

    private static Path optionalPath(Config c, String key) {
        String v = c.getString(key, null);
        return v == null || v.isBlank() || v.equalsIgnoreCase("null") ? null : Paths.get(v);
    }

    /** {@code Global.output_dir/<Arch.name>}. */
    Path outputDir() {
        return outputRoot.resolve(archName);
    }

    ModelOptions modelOptions() {
        return ModelOptions.defaults().withClassNum(classNum).withInputChannels(imageShape[0])
                .withInputSize(imageShape[1]).withSmallInput(smallInput);
    }

    /**
     * Applies {@code Global.threads}, by default one per core. The launcher makes libtorch's OpenMP
     * threads wait passively (OMP_WAIT_POLICY): spinning, they took the cores from the loader and the
     * JVM, which is why training used to keep to half the cores.
     */
    void applyThreads() {
        ai.djl.engine.Engine.getInstance(); // loads the native library the call below needs
        ai.djl.pytorch.jni.JniUtils.setNumThreads(resolvedThreads());
    }

    /** {@code Global.threads}, or one per core when it is 0. */
    int resolvedThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The device of {@code Global.device}: cpu, or gpu when one is available (else cpu, and {@code
     * fallback} is told why).
     */
    Device resolveDevice(java.util.function.Consumer<String> fallback) {
        switch (device.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (ai.djl.engine.Engine.getInstance().getGpuCount() > 0) {
                    return Device.gpu();
                }
                fallback.accept("Global.device is gpu but no GPU is visible to the PyTorch engine: training on cpu");
                return Device.cpu();
            default:
                throw new JclasException("Global.device is '" + device + "', expected cpu or gpu",
                        "set Global.device: cpu (or gpu)");
        }
    }
}
