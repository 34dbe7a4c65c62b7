package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Losses against hand computation on logits whose softmax is easy to write down. */
class LossTest {
    static final float[] LOGITS = {0f, (float) Math.log(2), (float) Math.log(5)}; // softmax = 1/8, 2/8, 5/8

    static double logP(int k) {
        return Math.log(new double[] {1, 2, 5}[k] / 8.0);
    }

    @Test
    void labelSmoothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(LOGITS, new Shape(1, 3));
            NDArray t = ClassificationLoss.oneHot(logits, new int[] {2}, 3);
            double eps = 0.3;
            float got = new ClassificationLoss(3, eps, null).compute(logits, t).getFloat();
            double q0 = eps / 3;
            double q2 = 1 - eps + eps / 3;
            double want = -(q0 * logP(0) + q0 * logP(1) + q2 * logP(2));
            assertEquals(want, got, 1e-6);
            assertEquals(-logP(2), new ClassificationLoss(3, 0, null).compute(logits, t).getFloat(), 1e-6);
        }
    }

    @Test
    void softTargetsAndClassWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {
                LOGITS[0], LOGITS[1], LOGITS[2], LOGITS[0], LOGITS[1], LOGITS[2]}, new Shape(2, 3));
            // sample 0: mixup 0.7/0.3 of classes 0 and 1; sample 1: hard class 2
            NDArray q = m.create(new float[] {0.7f, 0.3f, 0f, 0f, 0f, 1f}, new Shape(2, 3));
            double l0 = -(0.7 * logP(0) + 0.3 * logP(1));
            double l1 = -logP(2);
            assertEquals((l0 + l1) / 2, new ClassificationLoss(3, 0, null).compute(logits, q).getFloat(), 1e-6);
            float[] cw = {2f, 1f, 4f};
            double w0 = 0.7 * 2 + 0.3 * 1;
            double w1 = 4;
            assertEquals((w0 * l0 + w1 * l1) / (w0 + w1),
                    new ClassificationLoss(3, 0, cw).compute(logits, q).getFloat(), 1e-6);
        }
    }

    @Test
    void balancedWeightsFromCounts() {
        // total 50 over 2 classes: 50/(2*10), 50/(2*40)
        assertArrayEquals(new float[] {2.5f, 0.625f}, ClassificationLoss.balancedWeights(new int[] {10, 40}),
                1e-6f);
        // an absent class gets 0 and still counts in K: 50/(3*10), 50/(3*40)
        assertArrayEquals(new float[] {50f / 30, 50f / 120, 0f},
                ClassificationLoss.balancedWeights(new int[] {10, 40, 0}), 1e-6f);
    }

    @Test
    void distillation() {
        try (NDManager m = NDManager.newBaseManager()) {
            double temp = 2;
            // student logits 2*log([1,2,5]) -> at T=2 softmax = [1,2,5]/8; teacher logits 2*log([1,1,2]) -> [1,1,2]/4
            NDArray s = m.create(new float[] {0f, (float) (2 * Math.log(2)), (float) (2 * Math.log(5))}, new Shape(1, 3));
            NDArray t = m.create(new float[] {0f, 0f, (float) (2 * Math.log(2))}, new Shape(1, 3));
            double[] ps = {1 / 8.0, 2 / 8.0, 5 / 8.0};
            double[] pt = {0.25, 0.25, 0.5};
            double kl = 0;
            for (int k = 0; k < 3; k++) {
                kl += pt[k] * Math.log(pt[k] / ps[k]);
            }
            NDArray target = ClassificationLoss.oneHot(s, new int[] {2}, 3);
            ClassificationLoss ce = new ClassificationLoss(3, 0, null);
            // CE on the raw student logits: softmax of 2*log([1,2,5]) = [1,4,25]/30
            double hard = -Math.log(25 / 30.0);
            double alpha = 0.7;
            float got = new DistillationLoss(ce, temp, alpha).compute(s, t, target).getFloat();
            assertEquals((1 - alpha) * hard + alpha * temp * temp * kl, got, 1e-5);
        }
    }
}
