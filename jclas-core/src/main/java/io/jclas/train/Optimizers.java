package io.jclas.train;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.util.List;

/** Optimizers and learning-rate schedules from PaddleClas's {@code Optimizer} section. */
public final class Optimizers {
    static final List<String> NAMES = List.of("Momentum", "SGD", "AdamW");
    static final List<String> SCHEDULES = List.of("Cosine", "Piecewise", "Step", "Constant");
    /** The factor on the learning rate of the backbone ({@code features}); the head gets the schedule's rate. */
    public static final String BACKBONE_MULT = "Optimizer.lr.backbone_mult";

    private Optimizers() {}

    /**
     * {@code Momentum} (momentum 0.9, {@code use_nesterov}, {@code regularizer: {name: L2, coeff}}),
     * {@code SGD} (no momentum) or {@code AdamW} (beta1, beta2, epsilon, weight_decay).
     */
    public static Optimizer create(Config opt) {
        String name = opt.getString("name", "Momentum");
        double l2 = opt.has("regularizer") ? opt.getDouble("regularizer.coeff", 0) : 0;
        switch (name) {
            case "Momentum":
                return new MomentumSgd(opt.getDouble("momentum", 0.9), l2, opt.getBool("use_nesterov", false));
            case "SGD":
                return new MomentumSgd(0, l2, false);
            case "AdamW":
                return new AdamW(opt.getDouble("beta1", 0.9), opt.getDouble("beta2", 0.999),
                        opt.getDouble("epsilon", 1e-8), opt.getDouble("weight_decay", l2 == 0 ? 0.01 : l2));
            default:
                throw new JclasException("unknown optimizer '" + name + "' at Optimizer.name",
                        "use one of " + String.join(", ", NAMES));
        }
    }

    /**
     * The per-iteration schedule of {@code Optimizer.lr}: {@code Cosine} (learning_rate, eta_min),
     * {@code Piecewise} (decay_epochs, values; or learning_rate with gamma 0.1), {@code Step}
     * (learning_rate, step_size in epochs, gamma) or {@code Constant}; each with optional
     * {@code warmup_epoch} and {@code warmup_start_lr}. The warmup comes first; the schedule after it
     * spans the remaining epochs.
     */
    public static LrSchedule schedule(Config lr, int epochs, int itersPerEpoch) {
        String name = lr.getString("name", "Constant");
        double base = lr.getDouble("learning_rate", 0.1);
        int warmupEpochs = lr.getInt("warmup_epoch", 0);
        if (warmupEpochs < 0) {
            throw new JclasException("Optimizer.lr.warmup_epoch is " + warmupEpochs + ", expected 0 or more",
                    "set Optimizer.lr.warmup_epoch: 0");
        }
        long warmup = (long) Math.min(warmupEpochs, epochs) * itersPerEpoch;
        long rest = Math.max(1, (long) epochs * itersPerEpoch - warmup);
        LrSchedule inner;
        switch (name) {
            case "Cosine":
                inner = LrSchedule.cosine(base, lr.getDouble("eta_min", 0), rest);
                break;
            case "Piecewise": {
                int[] decay = lr.has("decay_epochs") ? lr.getIntArray("decay_epochs") : new int[] {30, 60, 90};
                double[] values;
                if (lr.has("values")) {
                    values = lr.getDoubleArray("values");
                } else {
                    values = new double[decay.length + 1];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = base * Math.pow(lr.getDouble("gamma", 0.1), i);
                    }
                }
                if (values.length != decay.length + 1) {
                    throw new JclasException("Optimizer.lr.values has " + values.length + " entries for "
                            + decay.length + " decay_epochs", "give one value more than decay_epochs");
                }
                long[] bounds = new long[decay.length];
                for (int i = 0; i < decay.length; i++) {
                    bounds[i] = (long) decay[i] * itersPerEpoch;
                }
                inner = LrSchedule.piecewise(bounds, values);
                break;
            }
            case "Step":
                inner = LrSchedule.step(base, (long) lr.getInt("step_size", 30) * itersPerEpoch,
                        lr.getDouble("gamma", 0.1));
                break;
            case "Constant":
                inner = LrSchedule.constant(base);
                break;
            default:
                throw new JclasException("unknown learning-rate schedule '" + name + "' at Optimizer.lr.name",
                        "use one of " + String.join(", ", SCHEDULES));
        }
        return LrSchedule.warmup(inner, warmup, lr.getDouble("warmup_start_lr", 0));
    }
}
