package io.jclas.onnx;

import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.ClassifierProvider;
import io.jclas.model.InferenceFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens directories holding a model.onnx when the engine is "auto", and any directory for "onnxruntime". */
public final class OrtClassifierProvider implements ClassifierProvider {
    @Override
    public boolean accepts(Path dir, ClassifierOptions options) {
        String engine = options.engine() == null ? "auto" : options.engine();
        // asked for by name, it opens the directory even without model.onnx, to say what is missing
        return engine.equals(OrtClassifier.ENGINE)
                || engine.equals("auto") && Files.isRegularFile(dir.resolve(InferenceFiles.MODEL));
    }

    @Override
    public Classifier open(Path dir, ClassifierOptions options) {
        return OrtClassifier.open(dir, options);
    }
}
