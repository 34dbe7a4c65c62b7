package io.jclas.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import io.jclas.data.DataLoader;
import io.jclas.data.transform.Preprocessing;
import io.jclas.model.Checkpoints;
import io.jclas.pretrained.DownloadListener;
import io.jclas.pretrained.PretrainedSource;
import io.jclas.pretrained.PretrainedWeights;
import io.jclas.pretrained.WeightCache;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.List;

/**
 * Training and evaluation from a PaddleClas-shaped config: {@code Global}, {@code Arch}, {@code Loss},
 * {@code Optimizer}, {@code DataLoader.Train/Eval}, and jclas's {@code EMA} and {@code Distillation}.
 */
public final class TrainingEngine {
    private TrainingEngine() {}

    /**
     * Trains as the config says: checkpoints, {@code metrics.jsonl}, {@code curves.png} and the resolved
     * {@code config.yaml} go to {@code Global.output_dir/<Arch.name>/}. {@code Global.checkpoints}
     * resumes exactly where that checkpoint stopped, mid-epoch too. The config is checked first
     * ({@link ConfigValidator}; the PaddleClas keys it ignores are what that check returns).
     */
    public static TrainResult train(Config given, TrainListener listener) {
        Config config = withLocalWeights(given, listener);
        ConfigValidator.validate(config, ConfigValidator.Use.TRAIN);
        try (Trainer trainer = new Trainer(config, listener)) {
            return trainer.run();
        }
    }

    /**
     * Evaluates the weights of {@code Global.pretrained_model} (a checkpoint directory or its
     * model.npz, or a foreign weight file of {@code Arch.name}: {@link PretrainedWeights}; else
     * {@code output_dir/<Arch.name>/best_model}) on {@code DataLoader.Eval}.
     */
    public static EvalResult evaluate(Config given, TrainListener listener) {
        Config config = withLocalWeights(given, listener);
        ConfigValidator.validate(config, ConfigValidator.Use.EVAL);
        TrainSettings s = TrainSettings.from(config);
        Path weights = s.pretrained() != null ? s.pretrained() : s.outputDir().resolve(Checkpoints.BEST);
        Device device = s.resolveDevice(listener::onMessage);
        s.applyEvaluationThreads();
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) s.seed());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Network net = s.architecture().build(manager);
            // the weights first: a wrong path fails before the dataset is read
            PretrainedWeights.initialise(net, config, weights, false).forEach(listener::onMessage);
            try (DataLoader loader = DataLoader.create(config.section("DataLoader.Eval"),
                    Preprocessing.fromConfig(config).transforms(), s.classNum(), s.seed(), 0)) {
                List<String> names = loader.dataset().classNames();
                EvalResult r = Evaluator.evaluate(net, manager, loader, s.classNum(), names, listener);
                listener.onEval(0, r, false);
                return r;
            }
        }
    }

    /**
     * The config with a URL or {@code Arch.pretrained: true} fetched into the weight cache
     * ({@link PretrainedSource}); the CLI has done so already, with a progress bar.
     */
    private static Config withLocalWeights(Config config, TrainListener listener) {
        return PretrainedSource.resolve(config, WeightCache.standard(), new DownloadListener() {
            @Override
            public void started(java.net.URI url, Path target, long totalBytes) {
                listener.onMessage("downloading " + url + " to " + target);
            }
        });
    }
}
