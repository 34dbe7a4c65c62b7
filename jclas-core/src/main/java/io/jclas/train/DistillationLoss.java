package io.jclas.train;

import ai.djl.ndarray.NDArray;
import io.jclas.layers.Scalars;

/**
 * Knowledge distillation (Hinton et al., arXiv:1503.02531):
 * {@code (1-alpha)*CE(student, targets) + alpha*T^2*KL(softmax(t/T) || softmax(s/T))}, the KL term
 * summed over classes and averaged over the batch.
 *
 * <p>Scalars are passed as float: a double scalar would promote the 0-d loss to float64.
 */
public final class DistillationLoss {
    private final ClassificationLoss ce;
    private final double temperature;
    private final double alpha;

    public DistillationLoss(ClassificationLoss ce, double temperature, double alpha) {
        this.ce = ce;
        this.temperature = temperature;
        this.alpha = alpha;
    }

    /** The combined loss of student logits against targets and teacher logits. */
    public NDArray compute(NDArray student, NDArray teacher, NDArray targets) {
        NDArray hard = ce.compute(student, targets);
        return Scalars.mul(hard, (float) (1 - alpha)).add(Scalars.mul(kl(student, teacher), (float) (alpha * temperature * temperature)));
    }

    /** Batch mean of KL(softmax(t/T) || softmax(s/T)). */
    NDArray kl(NDArray student, NDArray teacher) {
        NDArray t = Scalars.div(teacher, (float) temperature);
        NDArray logPt = t.logSoftmax(1);
        NDArray logPs = Scalars.div(student, (float) temperature).logSoftmax(1);
        return logPt.exp().mul(logPt.sub(logPs)).sum(new int[] {1}).mean();
    }
}
