package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.jclas.config.Config;
import io.jclas.model.CheckpointFiles;
import io.jclas.model.Checkpoints;
import io.jclas.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a 2000-image Fashion-MNIST subset with ShuffleNetV2_x0_25 at 28x28: learning, the
 * checkpoint layout, exact resume, evaluation of a checkpoint, distillation from it with EMA.
 */
class TrainingEngineTest {
    @TempDir
    Path tmp;

    static Config config(Path out, int epochs, String extra) {
        String norm = "[{NormalizeImage: {scale: 0.00392157, mean: [0.286], std: [0.353]}}, {ToCHWImage: null}]";
        return Config.fromYaml(String.join("\n",
                "Global: {output_dir: '" + out + "', seed: 7, epochs: " + epochs + ", image_shape: [1, 28, 28],",
                "         device: cpu, save_interval: 1, eval_interval: 1, threads: 1}",
                "Arch: {name: ShuffleNetV2_x0_25, class_num: 10, small_input: true}",
                "Loss: {Train: [{CELoss: {epsilon: 0.1}}]}",
                "Optimizer: {name: Momentum, momentum: 0.9, lr: {name: Cosine, learning_rate: 0.2},",
                "            regularizer: {name: L2, coeff: 0.0001}}",
                "DataLoader:",
                "  Train:",
                "    dataset: {name: FashionMNIST, mode: train, subset: 2000, transform_ops: " + norm + "}",
                "    sampler: {name: DistributedBatchSampler, batch_size: 50, shuffle: true, drop_last: false}",
                "    loader: {num_workers: 1}",
                "  Eval:",
                // no transform_ops: the Eval loader runs the model's preprocessing, Infer.transforms
                "    dataset: {name: FashionMNIST, mode: test, subset: 500}",
                "    sampler: {name: DistributedBatchSampler, batch_size: 250, shuffle: false}",
                "    loader: {num_workers: 1}",
                "Infer: {transforms: [{ResizeImage: {size: 28}}, {NormalizeImage: {scale: 0.00392157, mean: [0.286],",
                "        std: [0.353]}}, {ToCHWImage: null}]}",
                extra));
    }

    @Test
    void learnsResumesExactlyAndWritesTheLayout() throws Exception {
        Path a = tmp.resolve("a");
        List<String> events = new ArrayList<>();
        TrainResult r = TrainingEngine.train(config(a, 2, ""), new TrainListener() {
            @Override
            public void onEpoch(EpochSummary s) {
                events.add("epoch " + s.epoch());
                // the process's CPU time per wall second: the training thread alone keeps part of a core busy
                assertTrue(s.cpuCores() > 0.1 && s.cpuCores() <= Runtime.getRuntime().availableProcessors() + 0.5,
                        "cores used " + s.cpuCores());
            }
        });
        assertEquals(List.of("epoch 1", "epoch 2"), events);
        assertTrue(r.bestTop1() > 0.55, "top-1 after 2 epochs on 2000 images: " + r.bestTop1());

        Path dir = a.resolve("ShuffleNetV2_x0_25");
        for (String d : List.of("latest", "best_model", "epoch_1", "epoch_2")) {
            for (String f : List.of("model.npz", "optimizer.npz", "state.json", "config.yaml", "labels.txt")) {
                assertTrue(Files.isRegularFile(dir.resolve(d).resolve(f)), d + "/" + f);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> hidden = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "temp directories left behind");
        }
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertEquals(4, metrics.size());
        assertTrue(metrics.get(0).contains("\"cpu_cores\":"), metrics.get(0));
        assertTrue(Files.size(dir.resolve("curves.png")) > 1000);
        assertEquals(2, ((Number) Checkpoints.readState(dir.resolve("latest")).get("epoch")).intValue());
        assertEquals(10, Checkpoints.readLabels(dir.resolve("latest")).size());

        // Resume from epoch_1 into another output dir: the same parameters as the uninterrupted run.
        Path b = tmp.resolve("b");
        Config resume = config(b, 2, "").set("Global.checkpoints", dir.resolve("epoch_1").toString());
        TrainingEngine.train(resume, new TrainListener() {});
        Path dirB = b.resolve("ShuffleNetV2_x0_25");
        assertEquals(0.0, maxAbsDiff(dir.resolve("latest/model.npz"), dirB.resolve("latest/model.npz")), 1e-5);
        assertEquals(0.0, maxAbsDiff(dir.resolve("latest/optimizer.npz"), dirB.resolve("latest/optimizer.npz")),
                1e-5);

        // Evaluating the best checkpoint gives the top-1 recorded during training.
        Config eval = config(a, 2, "").set("Global.pretrained_model", dir.resolve("best_model").toString());
        EvalResult e = TrainingEngine.evaluate(eval, new TrainListener() {});
        assertEquals(r.bestTop1(), e.top1(), 1e-9);
        assertEquals(500, e.samples());

        try (NDManager m = NDManager.newBaseManager()) {
            LoadedModel lm = Checkpoints.loadNetwork(dir.resolve("best_model"), m);
            assertEquals(10, lm.labels().size());
            assertEquals(1, lm.preprocess().channels());
        }

        distillsWithEma(dir.resolve("best_model"), r.bestTop1());
    }

    /**
     * A full training run with pure distillation (alpha 1: the labels never reach the loss, so the
     * student can only beat chance through the teacher's checkpoint) and EMA, whose average must be
     * what best_model holds.
     */
    private void distillsWithEma(Path teacher, double teacherTop1) throws Exception {
        Path c = tmp.resolve("c");
        Config distill = config(c, 2, String.join("\n",
                "Distillation: {teacher: ShuffleNetV2_x0_25, teacher_pretrained_model: '" + teacher + "',",
                "               temperature: 2, alpha: 1.0}",
                "EMA: {decay: 0.8}"));
        TrainResult d = TrainingEngine.train(distill, new TrainListener() {});
        assertTrue(d.bestTop1() > 0.3, "student top-1 from the teacher's soft targets alone: " + d.bestTop1()
                + " (teacher " + teacherTop1 + ")");

        Path dirC = c.resolve("ShuffleNetV2_x0_25");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> best = CheckpointFiles.readArrays(dirC.resolve("best_model/model.npz"), m);
            Path bestEpoch = dirC.resolve("epoch_" + d.bestEpoch());
            Map<String, NDArray> trained = CheckpointFiles.readArrays(bestEpoch.resolve("model.npz"), m);
            Map<String, NDArray> opt = CheckpointFiles.readArrays(bestEpoch.resolve("optimizer.npz"), m);
            double emaVsBest = 0;
            double emaVsTrained = 0;
            for (String k : best.keySet()) {
                NDArray avg = opt.get(Checkpoints.EMA_PREFIX + k);
                emaVsBest = Math.max(emaVsBest, avg.sub(best.get(k)).abs().max().getFloat());
                emaVsTrained = Math.max(emaVsTrained, avg.sub(trained.get(k)).abs().max().getFloat());
            }
            assertEquals(0.0, emaVsBest, 1e-6, "best_model/model.npz holds the EMA average");
            assertTrue(emaVsTrained > 1e-6, "epoch_N/model.npz keeps the trained weights: " + emaVsTrained);
        }
    }

    static double maxAbsDiff(Path f1, Path f2) {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> x = CheckpointFiles.readArrays(f1, m);
            Map<String, NDArray> y = CheckpointFiles.readArrays(f2, m);
            assertEquals(x.keySet(), y.keySet());
            double max = 0;
            for (String k : x.keySet()) {
                max = Math.max(max, x.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                        .sub(y.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)).abs().max().getDouble());
            }
            return max;
        }
    }
}
