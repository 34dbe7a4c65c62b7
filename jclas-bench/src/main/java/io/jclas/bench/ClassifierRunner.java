package io.jclas.bench;

import io.jclas.infer.ClassifierOptions;
import io.jclas.data.transform.Preprocessing;
import io.jclas.onnx.OrtClassifier;
import java.nio.file.Path;

/**
 * Forwards through jclas's ONNX Runtime classifier on an already preprocessed batch (tensor, run,
 * top-5): what jclas adds over the raw session of {@link OrtRunner} on the same model.onnx.
 */
final class ClassifierRunner implements ForwardRunner {
    private static final int TOPK = 5;

    private final OrtClassifier classifier;
    private final float[] input;
    private final int batch;

    /** Opens {@code dir}/model.onnx for inputs of {@code channels} x {@code size} x {@code size}. */
    ClassifierRunner(Path dir, int threads, float[] input, int batch, int channels, int size) {
        // Only the tensor's shape matters here: the input is already preprocessed.
        Preprocessing shape = Preprocessing.centerCrop(channels, size, size, new float[] {0f}, new float[] {1f});
        this.classifier = OrtClassifier.open(dir, ClassifierOptions.defaults().withThreads(threads).withPreprocess(shape));
        this.input = input;
        this.batch = batch;
    }

    @Override
    public void forward() {
        classifier.predictTensor(input, batch, TOPK);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
