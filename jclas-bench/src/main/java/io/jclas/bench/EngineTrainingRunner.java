package io.jclas.bench;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.model.Architecture;
import io.jclas.train.TrainListener;
import io.jclas.train.TrainResult;
import io.jclas.train.TrainingEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training dimension through jclas's training engine. Every model trains with one recipe, the
 * quickstart's ({@code configs/FashionMNIST/ShuffleNetV2_x1_0.yaml} with {@code Arch.name} replaced),
 * as the seed's comparison trains every network the same way: the Top-1 and time columns then compare
 * models, not recipes. Epochs and subsets are {@code -o} style overrides. Checkpoints go to a work
 * folder in the report folder and are removed after.
 */
final class EngineTrainingRunner implements TrainingRunner {
    /** The shared recipe, under {@code -Djclas.home} (the repository root; the launcher sets it) or the working directory. */
    static final Path RECIPE = Path.of("configs", "FashionMNIST", "ShuffleNetV2_x1_0.yaml");
    /** Evaluation images when the training set is cut to a subset: enough to rank, quick to run. */
    static final int EVAL_SUBSET = 2000;

    @Override
    public TrainingResult train(String model, BenchmarkOptions o, BenchmarkListener listener) {
        Path work = Benchmark.tempDir(o.outDir(), ".train");
        try {
            Path recipe = recipe();
            List<String> overrides = new ArrayList<>(List.of(
                    "Global.epochs=" + o.trainEpochs(),
                    "Global.output_dir=" + work,
                    "Global.eval_during_train=true",
                    "Global.eval_interval=" + o.trainEpochs(),
                    "Global.save_interval=" + o.trainEpochs(),
                    "Global.threads=" + o.resolvedTrainThreads(),
                    "Arch.name=" + model));
            if (o.trainSubset() > 0) {
                overrides.add("DataLoader.Train.dataset.subset=" + o.trainSubset());
                overrides.add("DataLoader.Eval.dataset.subset=" + Math.min(EVAL_SUBSET, o.trainSubset()));
            }
            overrides.addAll(o.trainOverrides());
            Config config = Config.load(recipe, overrides);
            List<TrainListener.EpochSummary> epochs = new ArrayList<>();
            TrainResult result = TrainingEngine.train(config, new TrainListener() {
                @Override
                public void onEpoch(EpochSummary summary) {
                    epochs.add(summary);
                    listener.onMessage(String.format("%s: epoch %d/%d %.1f s, %.1f img/s", model, summary.epoch(),
                            summary.epochs(), summary.seconds(), summary.imagesPerSecond()));
                }
            });
            double seconds = epochs.stream().mapToDouble(TrainListener.EpochSummary::seconds).average().orElse(Double.NaN);
            double imgs = epochs.stream().mapToDouble(TrainListener.EpochSummary::imagesPerSecond).average().orElse(Double.NaN);
            int images = (int) Math.round(seconds * imgs); // the epoch summary carries time and rate, not the count
            double top1 = result.lastEval() == null ? Double.NaN : result.lastEval().top1();
            return new TrainingResult(result.epochs(), images, seconds, imgs, top1, setup(config, o));
        } finally {
            Benchmark.deleteTree(work);
        }
    }

    /** The shared recipe file. */
    static Path recipe() {
        Path recipe = Path.of(System.getProperty("jclas.home", ".")).resolve(RECIPE);
        if (!Files.isRegularFile(recipe)) {
            throw new JclasException("training recipe not found: " + recipe,
                    "run the benchmark through ./jclas, or from the repository root");
        }
        return recipe;
    }

    /** The recipe's training data set section with the run's subset: what {@link PngImageFolder} writes out. */
    static Config trainingDataset(BenchmarkOptions o) {
        List<String> subset = o.trainSubset() > 0 ? List.of("DataLoader.Train.dataset.subset=" + o.trainSubset())
                : List.of();
        return Config.load(recipe(), subset).section("DataLoader.Train.dataset");
    }

    private static TrainingResult.Setup setup(Config config, BenchmarkOptions o) {
        Architecture arch = Architecture.from(config);
        return new TrainingResult.Setup(o.resolvedTrainThreads(), config.getInt("DataLoader.Train.sampler.batch_size"),
                arch.imageShape()[0], arch.imageShape()[1], arch.smallInput(), arch.classNum());
    }
}
