package io.jclas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.jclas.layers.Scalars;

/**
 * Cross-entropy on target distributions, PaddleClas's CELoss: hard labels become one-hot rows, mixed
 * (mixup/cutmix) batches bring soft rows; label smoothing {@code epsilon} turns any row q into
 * {@code (1-eps)*q + eps/K} (as PaddleClas, also for soft rows). Optional class weights give sample
 * i the weight {@code w_i = sum_k q_ik * cw_k}, and the loss is {@code sum(w_i*l_i) / sum(w_i)}
 * (PyTorch's weighted mean).
 */
public final class ClassificationLoss {
    private final int classNum;
    private final double epsilon;
    private final float[] classWeights;

    /**
     * @param classWeights one weight per class, or null for none
     */
    public ClassificationLoss(int classNum, double epsilon, float[] classWeights) {
        if (classWeights != null && classWeights.length != classNum) {
            throw new IllegalArgumentException(
                    "class weights: " + classWeights.length + " values for " + classNum + " classes");
        }
        this.classNum = classNum;
        this.epsilon = epsilon;
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    /** Mean loss of logits [N, K] against target rows [N, K]. */
    public NDArray compute(NDArray logits, NDArray targets) {
        NDArray q = epsilon > 0 ? Scalars.mul(targets, (float) (1 - epsilon)).addi((float) (epsilon / classNum)) : targets;
        NDArray perSample = q.mul(logits.logSoftmax(1)).sum(new int[] {1}).neg();
        if (classWeights == null) {
            return perSample.mean();
        }
        NDArray cw = targets.getManager().create(classWeights, new Shape(classNum, 1));
        NDArray w = q.matMul(cw).reshape(-1);
        return perSample.mul(w).sum().div(w.sum());
    }

    /** One-hot rows [N, K] for integer labels, in the manager of {@code like}. */
    public static NDArray oneHot(NDArray like, int[] labels, int classNum) {
        return like.getManager().create(labels).oneHot(classNum);
    }

    /**
     * Inverse-frequency class weights ({@code auto}): {@code N / (K * count_c)}, so that every class
     * contributes equally; classes absent from the labels get weight 0.
     */
    public static float[] balancedWeights(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        float[] w = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i] == 0 ? 0f : (float) (total / ((double) counts.length * counts[i]));
        }
        return w;
    }
}
