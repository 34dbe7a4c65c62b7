package io.jclas.train;

import ai.djl.ndarray.NDArray;

/**
 * SGD with momentum as PyTorch (and Paddle's Momentum with an L2 regularizer) defines it:
 * {@code d = g + wd*p; v = m*v + d; p -= lr*v} (Nesterov: {@code p -= lr*(d + m*v)}). DJL's SGD
 * is MXNet-style instead (the learning rate is folded into the velocity), which differs as soon as
 * the learning rate changes. Weight decay applies only to parameters of the decay group.
 */
public final class MomentumSgd extends StatefulOptimizer {
    private final double momentum;
    private final double weightDecay;
    private final boolean nesterov;

    public MomentumSgd(double momentum, double weightDecay, boolean nesterov) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(TrainParam p, NDArray weight, NDArray grad, double lr, long step) {
        NDArray d = p.decay() && weightDecay != 0 ? grad.add(weight.mul((float) weightDecay)) : grad;
        if (momentum == 0) {
            weight.subi(d.mul((float) lr));
            return;
        }
        NDArray v = slot("momentum", p, weight);
        v.muli((float) momentum).addi(d);
        NDArray direction = nesterov ? d.add(v.mul((float) momentum)) : v;
        weight.subi(direction.mul((float) lr));
    }
}
