package io.jclas.train;

/**
 * The one checkpoint format: {@code output/<Arch.name>/{latest,best_model,epoch_N}/} each with
 * {@code model.npz}, {@code optimizer.npz}, {@code state.json}, {@code config.yaml} and
 * {@code labels.txt}, every directory written atomically.
 */
public final class Checkpoints {
    public static final String LATEST = "latest";
    public static final String BEST = "best_model";
    public static final String OPTIMIZER = "optimizer.npz";
    public static final String STATE = "state.json";
    public static final String CONFIG = "config.yaml";
    public static final String LABELS = "labels.txt";

    private Checkpoints() {}

    /** The directory name of the checkpoint after {@code epoch}. */
    public static String epochDir(int epoch) {
        return "epoch_" + epoch;
    }
}
