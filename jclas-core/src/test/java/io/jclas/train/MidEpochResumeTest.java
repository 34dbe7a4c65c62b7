package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.jclas.model.Checkpoints;
import io.jclas.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Global.save_steps}: a run stopped mid-epoch, by an exception or by SIGKILL in the middle of
 * writing a checkpoint, resumes from its last step checkpoint and ends with the parameters of an
 * uninterrupted run. MobileNetV3 for its dropout (the per-step seed must give the resumed steps the
 * masks the uninterrupted ones drew), two epochs of 8 batches of 15 images.
 */
class MidEpochResumeTest {
    static final String ARCH = "MobileNetV3_small_x0_35";
    static final int STEPS_PER_EPOCH = 8;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** The uninterrupted run every test compares with, and its epochs. */
    static Path full;
    static final List<TrainListener.EpochSummary> FULL_EPOCHS = new ArrayList<>();

    @BeforeAll
    static void trainWithoutInterruption() {
        TrainingEngine.train(config(shared), stoppingAt(-1, FULL_EPOCHS));
        full = shared.resolve(ARCH).resolve(Checkpoints.LATEST);
    }

    /** A tiny run: 120 Fashion-MNIST images resized to 32x32, 2 epochs, a step checkpoint every 3 steps. */
    static Config config(Path out) {
        String ops = "[{ResizeImage: {size: 32}}, {NormalizeImage: {scale: 0.00392157, mean: [0.286], std: [0.353]}},"
                + " {ToCHWImage: null}]";
        return Config.fromYaml(String.join("\n",
                "Global: {output_dir: '" + out + "', seed: 3, epochs: 2, image_shape: [1, 32, 32], device: cpu,",
                "         save_steps: 3, eval_during_train: false, threads: 1}",
                "Arch: {name: " + ARCH + ", class_num: 10}",
                "Optimizer: {name: Momentum, momentum: 0.9, lr: {name: Cosine, learning_rate: 0.05}}",
                "DataLoader:",
                "  Train:",
                "    dataset: {name: FashionMNIST, mode: train, subset: 120, transform_ops: " + ops + "}",
                "    sampler: {name: DistributedBatchSampler, batch_size: 15, shuffle: true}",
                "    loader: {num_workers: 1}",
                "Infer: {transforms: " + ops + "}"));
    }

    /** Stops a run (as a crash would) when it is about to report global step {@code stopAt} (1-based). */
    static TrainListener stoppingAt(int stopAt, List<TrainListener.EpochSummary> epochs) {
        return new TrainListener() {
            @Override
            public void onBatch(BatchProgress p) {
                if ((p.epoch() - 1) * STEPS_PER_EPOCH + p.step() == stopAt) {
                    throw new IllegalStateException("stopped at step " + stopAt);
                }
            }

            @Override
            public void onEpoch(EpochSummary s) {
                epochs.add(s);
            }
        };
    }

    @Test
    void resumesMidEpochToTheParametersOfAnUninterruptedRun() {
        // Step 14 of 16 is epoch 2, batch 6: the last step checkpoint is of step 12 (epoch 2, batch 4).
        Path stopped = tmp.resolve("stopped");
        assertThrows(IllegalStateException.class, () -> TrainingEngine.train(config(stopped), stoppingAt(14, new ArrayList<>())));
        Path latest = stopped.resolve(ARCH).resolve(Checkpoints.LATEST);
        Map<String, Object> state = Checkpoints.readState(latest);
        assertEquals(2, ((Number) state.get("epoch")).intValue());
        assertEquals(4, ((Number) state.get("epoch_step")).intValue());
        assertEquals(12, ((Number) state.get("global_step")).intValue());

        List<TrainListener.EpochSummary> resumed = new ArrayList<>();
        TrainingEngine.train(config(tmp.resolve("resumed")).set("Global.checkpoints", latest.toString()),
                stoppingAt(-1, resumed));
        assertEquals(1, resumed.size(), "only epoch 2 is left to train");
        assertEquals(FULL_EPOCHS.get(1).loss(), resumed.get(0).loss(), 1e-6, "epoch 2's loss counts its first 4 batches too");
        assertSameParameters(tmp.resolve("resumed").resolve(ARCH).resolve(Checkpoints.LATEST));
    }

    /**
     * A training JVM killed with SIGKILL inside the write of the step-12 checkpoint (the writer's test
     * hook pauses after model.npz and signals through a file): the step-9 checkpoint is intact and
     * loads, and resuming from it in the same output folder ends where the uninterrupted run did.
     */
    @Test
    void aTrainingKilledInsideACheckpointWriteResumesFromTheOneBefore() throws Exception {
        Path signal = tmp.resolve("paused");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "-Xmx1g",
                "-Djclas.test.pauseCheckpointAtStep=12", "-Djclas.test.pauseCheckpointSignal=" + signal,
                TrainingChild.class.getName(), tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(signal) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(signal), "the child never reached the checkpoint of step 12: "
                    + Files.readString(tmp.resolve("child.log")));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.waitFor(), "killed by SIGKILL");

        Path out = tmp.resolve(ARCH);
        Path latest = out.resolve(Checkpoints.LATEST);
        assertEquals(9, ((Number) Checkpoints.readState(latest).get("global_step")).intValue());
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(10, Checkpoints.loadNetwork(latest, m).labels().size());
        }
        assertTrue(hidden(out).stream().anyMatch(n -> n.startsWith(".latest.tmp")), "the half-written checkpoint: "
                + hidden(out));

        TrainingEngine.train(config(tmp).set("Global.checkpoints", latest.toString()), new TrainListener() {});
        assertSameParameters(latest);
        assertEquals(List.of(), hidden(out), "the killed write's leftovers are removed");
    }

    /** What the killed JVM runs: the tiny training into the folder of args[0]. */
    static final class TrainingChild {
        public static void main(String[] args) {
            TrainingEngine.train(config(Path.of(args[0])), new TrainListener() {});
        }
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private static void assertSameParameters(Path checkpoint) {
        assertEquals(0.0, TrainingEngineTest.maxAbsDiff(full.resolve("model.npz"), checkpoint.resolve("model.npz")), 1e-5);
        assertEquals(0.0, TrainingEngineTest.maxAbsDiff(full.resolve(Checkpoints.OPTIMIZER),
                checkpoint.resolve(Checkpoints.OPTIMIZER)), 1e-5);
    }
}
