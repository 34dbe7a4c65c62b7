package io.jclas.serving;

import io.jclas.JclasException;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier as the service calls it: counts batch sizes, checks the answer's shape, and turns
 * failures into {@link ServingException}s (422 for a {@link JclasException}, the model's verdict
 * on the input; 503 otherwise) so that no stack trace reaches a client.
 */
final class GuardedClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedClassifier.class);

    private final Classifier classifier;
    private final ServerMetrics metrics;

    GuardedClassifier(Classifier classifier, ServerMetrics metrics) {
        this.classifier = classifier;
        this.metrics = metrics;
    }

    /** One forward over all images; the i-th answer belongs to the i-th image. */
    List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk) {
        return guarded(images.size(), () -> classifier.predictBatch(images, topk));
    }

    /** One forward over {@code n} images preprocessed by {@link #preprocess}, one after the other. */
    List<List<Prediction>> predictTensor(float[] tensor, int n, int topk) {
        return guarded(n, () -> classifier.predictTensor(tensor, n, topk));
    }

    /**
     * The model's input for one image (the classifier's own preprocessing), so that a request thread
     * prepares it and the batching thread only runs the forward.
     */
    float[] preprocess(BufferedImage image) {
        try {
            return classifier.describe().preprocess().toTensor(image);
        } catch (JclasException e) {
            throw new ServingException(422, "the model cannot classify this input: " + e.getMessage(), e.getHint());
        }
    }

    private List<List<Prediction>> guarded(int images, Supplier<List<List<Prediction>>> forward) {
        metrics.recordBatch(images);
        List<List<Prediction>> results;
        try {
            results = forward.get();
        } catch (JclasException e) {
            metrics.recordClassifierFailure();
            throw new ServingException(422, "the model cannot classify this input: " + e.getMessage(), e.getHint());
        } catch (RuntimeException e) {
            metrics.recordClassifierFailure();
            LOG.error("classifier failed on a batch of {}", images, e);
            throw new ServingException(503, "the classifier failed (" + e.getClass().getSimpleName() + ")",
                    "retry later; the server log has the details");
        }
        if (results == null || results.size() != images) {
            metrics.recordClassifierFailure();
            LOG.error("classifier returned {} results for {} images", results == null ? null : results.size(), images);
            throw new ServingException(503, "the classifier returned a malformed answer",
                    "retry later; the server log has the details");
        }
        return results;
    }
}
