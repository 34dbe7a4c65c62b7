package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * One per-sample transform, named as in PaddleClas's {@code transform_ops}. Ops are stateless and
 * thread-safe; all randomness comes from {@code rng}, which the loader seeds per (seed, epoch, sample)
 * so that results do not depend on the number of workers.
 */
public interface ImageOp {
    /** Returns the transformed image (a new one, or {@code img} itself when unchanged). */
    Image apply(Image img, SplittableRandom rng);
}
