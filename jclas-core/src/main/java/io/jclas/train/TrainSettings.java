package io.jclas.train;

import ai.djl.Device;
import io.jclas.config.Config;
import io.jclas.config.DeviceSpec;
import io.jclas.model.Architecture;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The {@code Global} and {@code Arch} settings a run needs, read once from the config with
 * PaddleClas's defaults.
 *
 * @param architecture the network: {@code Arch.name}, {@code class_num}, {@code small_input}, {@code variant}
 *     and {@code Global.image_shape}
 * @param checkpoints {@code Global.checkpoints}: a checkpoint to resume from, or null
 * @param pretrained {@code Global.pretrained_model}: weights to start from, or null
 * @param saveSteps {@code Global.save_steps}: a resumable checkpoint every N iterations besides every epoch; 0 = off
 * @param threads {@code Global.threads}: PyTorch intra-op CPU threads (the replicas with {@code dataParallel}), 0 = one per core
 * @param dataParallel {@code Global.data_parallel}: the threads run model replicas on shares of each
 *     batch, each on one intra-op thread ({@link DataParallel}), instead of sharing every op
 */
record TrainSettings(Architecture architecture, boolean freezeBackbone, int epochs, long seed, String device, int evalInterval, int saveInterval, int saveSteps, boolean evalDuringTrain,
        Path outputRoot, Path checkpoints, Path pretrained, int threads, boolean dataParallel) {

    /** Reads a config that {@link io.jclas.recipe.ConfigValidator} has checked (forms and ranges are not re-checked). */
    static TrainSettings from(Config c) {
        Architecture arch = Architecture.from(c);
        return new TrainSettings(
                arch,
                c.getBool("Arch.freeze_backbone", false),
                c.getInt("Global.epochs", 1),
                c.getLong("Global.seed", 42),
                c.getString("Global.device", "cpu"),
                c.getInt("Global.eval_interval", 1),
                c.getInt("Global.save_interval", 1),
                c.getInt("Global.save_steps", 0),
                c.getBool("Global.eval_during_train", true),
                Paths.get(c.getString("Global.output_dir", "./output/")),
                optionalPath(c, "Global.checkpoints"),
                optionalPath(c, "Global.pretrained_model"),
                c.getInt("Global.threads", 0),
                c.getBool("Global.data_parallel", false));
    }

    private static Path optionalPath(Config c, String key) {
        String v = c.getString(key, null);
        return v == null || v.isBlank() || v.equalsIgnoreCase("null") ? null : Paths.get(v);
    }

    /** {@code Global.output_dir/<Arch.name>}. */
    Path outputDir() {
        return outputRoot.resolve(archName());
    }

    String archName() {
        return architecture.name();
    }

    int classNum() {
        return architecture.classNum();
    }

    boolean smallInput() {
        return architecture.smallInput();
    }

    /** {@code Global.image_shape} [channels, height, width]. */
    int[] imageShape() {
        return architecture.imageShape();
    }

    /**
     * Applies {@code Global.threads} to training, by default one per core; with {@code
     * Global.data_parallel} the threads are the replicas and each computes on one intra-op thread.
     * The launcher makes libtorch's OpenMP threads wait passively (OMP_WAIT_POLICY): spinning, they
     * took the cores from the loader and the JVM on a shared machine; sleeping, every op pays a
     * wake-up (docs/training.md). libgomp reads the wait policy and GOMP_SPINCOUNT when it loads, so
     * they cannot be set from here.
     */
    void applyTrainingThreads() {
        setIntraOpThreads(dataParallel ? 1 : resolvedThreads());
    }

    /** Applies {@code Global.threads} to evaluation, which runs no replicas: all of them intra-op. */
    void applyEvaluationThreads() {
        setIntraOpThreads(resolvedThreads());
    }

    private static void setIntraOpThreads(int n) {
        ai.djl.engine.Engine.getInstance(); // loads the native library the call below needs
        ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
    }

    /** Model replicas that share each batch: the threads with {@code Global.data_parallel}, else 1. */
    int replicas() {
        return dataParallel ? resolvedThreads() : 1;
    }

    /** {@code Global.threads}, or one per core when it is 0. */
    int resolvedThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The device of {@code Global.device} ({@link DeviceSpec}): cpu, or the GPU when the PyTorch engine
     * sees one (else cpu, and {@code fallback} is told why: PaddleClas recipes say {@code gpu}, and
     * they should still run on a CPU-only machine).
     */
    Device resolveDevice(java.util.function.Consumer<String> fallback) {
        DeviceSpec spec = DeviceSpec.single(device, "Global.device");
        if (!spec.isGpu()) {
            return Device.cpu();
        }
        if (spec.gpu() < ai.djl.engine.Engine.getInstance().getGpuCount()) {
            return Device.gpu(spec.gpu());
        }
        fallback.accept("Global.device is " + spec + " but the PyTorch engine sees "
                + ai.djl.engine.Engine.getInstance().getGpuCount() + " GPU(s): training on cpu");
        return Device.cpu();
    }
}
