package io.jclas.bench;

import io.jclas.config.Config;
import io.jclas.train.Engine;
import io.jclas.train.TrainListener;
import io.jclas.train.TrainResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training dimension through jclas's training engine: the model's Fashion-MNIST recipe
 * ({@code configs/FashionMNIST/<model>.yaml} under the working directory) when there is one, else
 * the benchmark's default recipe with {@code Arch.name} set; epochs and subsets are {@code -o}
 * style overrides. Checkpoints go to a work folder in the report folder and are removed after.
 */
final class EngineTrainingRunner implements TrainingRunner {
    /** Where the per-model recipes live, relative to the working directory (the repository root). */
    static final Path RECIPES = Path.of("configs", "FashionMNIST");
    /** Evaluation images when the training set is cut to a subset: enough to rank, quick to run. */
    static final int EVAL_SUBSET = 2000;
    static final String DEFAULT_RECIPE = "fashion-mnist-default.yaml";

    @Override
    public TrainingResult train(String model, BenchmarkOptions o, BenchmarkListener listener) {
        Path work = Benchmark.tempDir(o.outDir(), ".train");
        try {
            Path recipe = RECIPES.resolve(model + ".yaml");
            List<String> overrides = new ArrayList<>(List.of(
                    "Global.epochs=" + o.trainEpochs(),
                    "Global.output_dir=" + work,
                    "Global.eval_during_train=true",
                    "Global.eval_interval=" + o.trainEpochs(),
                    "Global.save_interval=" + o.trainEpochs(),
                    "Global.num_threads=" + o.threads().stream().max(Integer::compare).orElse(1)));
            if (o.trainSubset() > 0) {
                overrides.add("DataLoader.Train.dataset.subset=" + o.trainSubset());
                overrides.add("DataLoader.Eval.dataset.subset=" + Math.min(EVAL_SUBSET, o.trainSubset()));
            }
            if (!Files.isRegularFile(recipe)) {
                listener.onMessage(model + ": no " + recipe + ", training with the benchmark's default recipe");
                recipe = work.resolve(DEFAULT_RECIPE);
                copyDefaultRecipe(recipe);
                overrides.add("Arch.name=" + model);
            }
            Config config = Config.load(recipe, overrides);
            List<TrainListener.EpochSummary> epochs = new ArrayList<>();
            TrainResult result = Engine.train(config, new TrainListener() {
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
            return new TrainingResult(result.epochs(), images, seconds, imgs, top1);
        } finally {
            Benchmark.deleteTree(work);
        }
    }

    private static void copyDefaultRecipe(Path target) {
        try (InputStream in = EngineTrainingRunner.class.getResourceAsStream(DEFAULT_RECIPE)) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the default recipe", e);
        }
    }
}
