package io.jclas.train;

import ai.djl.ndarray.NDArray;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, arXiv:1711.05101), as PyTorch's AdamW:
 * {@code p -= lr*wd*p; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2;
 * p -= lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)}.
 */
public final class AdamW extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    public AdamW(double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void update(TrainParam p, NDArray weight, NDArray grad, double lr, long step) {
        if (p.decay() && weightDecay != 0) {
            weight.muli((float) (1 - lr * weightDecay));
        }
        NDArray m = slot("exp_avg", p, weight);
        NDArray v = slot("exp_avg_sq", p, weight);
        m.muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
        v.muli((float) beta2).addi(grad.square().muli((float) (1 - beta2)));
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        NDArray denom = v.div((float) c2).sqrt().addi((float) epsilon);
        weight.subi(m.div(denom).muli((float) (lr / c1)));
    }
}
