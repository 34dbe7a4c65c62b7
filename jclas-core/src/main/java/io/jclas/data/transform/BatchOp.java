package io.jclas.data.transform;

import io.jclas.data.Batch;
import java.util.SplittableRandom;

/** A transform over a whole batch (PaddleClas {@code batch_transform_ops}): mixup, cutmix. */
public interface BatchOp {
    /**
     * Returns the mixed batch; its {@code softTargets} are set (rows sum to 1).
     *
     * @param classNum the width of the soft targets
     */
    Batch apply(Batch batch, int classNum, SplittableRandom rng);
}
