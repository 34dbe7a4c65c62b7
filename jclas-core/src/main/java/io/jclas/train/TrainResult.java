package io.jclas.train;

import io.jclas.model.Checkpoints;
import java.nio.file.Path;

/**
 * The outcome of a training run.
 *
 * @param outputDir {@code Global.output_dir/<Arch.name>}
 * @param epochs the last epoch trained
 * @param bestTop1 the best evaluation top-1 (0 when no evaluation ran)
 * @param bestEpoch the epoch of {@code bestTop1} (0 when none)
 * @param lastEval the last evaluation, or null when none ran
 * @param seconds wall time of the run
 */
public record TrainResult(Path outputDir, int epochs, double bestTop1, int bestEpoch, EvalResult lastEval,
        double seconds) {

    /** The checkpoint directory with the best evaluated weights. */
    public Path bestModel() {
        return outputDir.resolve(Checkpoints.BEST);
    }

    /** The checkpoint directory of the last epoch. */
    public Path latest() {
        return outputDir.resolve(Checkpoints.LATEST);
    }
}
