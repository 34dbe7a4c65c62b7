package io.jclas.infer;

import io.jclas.model.Checkpoints;
import io.jclas.model.Weights;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens checkpoint directories on the PyTorch engine: when the engine is "pytorch", or "auto" and
 * the directory holds model.npz and config.yaml.
 */
public final class PytorchClassifierProvider implements ClassifierProvider {
    @Override
    public boolean accepts(Path dir, ClassifierOptions options) {
        String engine = options.engine() == null ? "auto" : options.engine();
        if (engine.equals(PytorchClassifier.ENGINE)) {
            return true;
        }
        return engine.equals("auto")
                && Files.isRegularFile(dir.resolve(Weights.FILE_NAME))
                && Files.isRegularFile(dir.resolve(Checkpoints.CONFIG));
    }

    @Override
    public Classifier open(Path dir, ClassifierOptions options) {
        return PytorchClassifier.open(dir, options);
    }
}
