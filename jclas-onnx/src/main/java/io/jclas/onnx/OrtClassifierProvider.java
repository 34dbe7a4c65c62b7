package io.jclas.onnx;

import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.ClassifierProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens directories holding a model.onnx when the engine is "auto" or "onnxruntime". */
public final class OrtClassifierProvider implements ClassifierProvider {
    @Override
    public boolean accepts(Path dir, ClassifierOptions options) {
        String engine = options.engine() == null ? "auto" : options.engine();
        return (engine.equals("auto") || engine.equals(OrtClassifier.ENGINE))
                && Files.isRegularFile(dir.resolve(InferenceFiles.MODEL));
    }

    @Override
    public Classifier open(Path dir, ClassifierOptions options) {
        return OrtClassifier.open(dir, options);
    }
}
