package io.jclas.train;

import io.jclas.model.Checkpoints;
import io.jclas.JclasException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far one training epoch has come: the batches trained and the sums its summary is made of. A
 * mid-epoch checkpoint keeps it in {@code state.json} ({@code epoch_step}, {@code iters_per_epoch},
 * {@code epoch_sums}), so that the resumed epoch starts at the next batch and its summary still counts
 * every batch of the epoch.
 *
 * @param steps batches of the epoch done
 * @param hardSeen images with hard labels (the train top-1 counts only those)
 */
record EpochProgress(int steps, double lossSum, long seen, long hardSeen, long correct) {
    static final EpochProgress START = new EpochProgress(0, 0, 0, 0, 0);

    /** With one more applied batch of {@code n} images and mean loss {@code loss}. */
    EpochProgress plus(float loss, int n, boolean hardLabels, long correctInBatch) {
        return new EpochProgress(steps, lossSum + (double) loss * n, seen + n, hardSeen + (hardLabels ? n : 0),
                correct + correctInBatch);
    }

    /** The same sums, {@code step} batches into the epoch. */
    EpochProgress atStep(int step) {
        return new EpochProgress(step, lossSum, seen, hardSeen, correct);
    }

    double meanLoss() {
        return lossSum / Math.max(1, seen);
    }

    /** Train top-1 on hard labels; NaN when every batch carried mixed soft targets. */
    double top1() {
        return hardSeen == 0 ? Double.NaN : correct / (double) hardSeen;
    }

    void putInto(Map<String, Object> state, int itersPerEpoch) {
        state.put("epoch_step", steps);
        state.put("iters_per_epoch", itersPerEpoch);
        if (steps < itersPerEpoch) {
            Map<String, Object> sums = new LinkedHashMap<>();
            sums.put("loss_sum", lossSum);
            sums.put("seen", seen);
            sums.put("hard_seen", hardSeen);
            sums.put("correct", correct);
            state.put("epoch_sums", sums);
        }
    }

    /**
     * The progress of a checkpoint written mid-epoch, or null for one written at the end of its epoch
     * (checkpoints of earlier jclas versions have no {@code epoch_step}: they are all end-of-epoch).
     */
    static EpochProgress fromState(Map<String, Object> state, int itersPerEpoch, Path dir) {
        if (!(state.get("epoch_step") instanceof Number step) || !(state.get("iters_per_epoch") instanceof Number iters)
                || step.intValue() >= iters.intValue()) {
            return null;
        }
        if (iters.intValue() != itersPerEpoch) {
            throw new JclasException(dir.resolve(Checkpoints.STATE) + " was written mid-epoch with " + iters
                    + " batches per epoch, but this config gives " + itersPerEpoch,
                    "resume with the dataset and batch size of the run that wrote it");
        }
        Map<?, ?> sums = state.get("epoch_sums") instanceof Map<?, ?> m ? m : Map.of();
        return new EpochProgress(step.intValue(), number(sums, "loss_sum").doubleValue(),
                number(sums, "seen").longValue(), number(sums, "hard_seen").longValue(),
                number(sums, "correct").longValue());
    }

    private static Number number(Map<?, ?> sums, String key) {
        return sums.get(key) instanceof Number n ? n : 0;
    }
}
