package io.jclas.cli;

import io.jclas.zoo.ModelInfo;

/**
 * One zoo entry as {@code jclas models} shows it: our counts next to the seed's published figures.
 *
 * @param params trainable parameters
 * @param macs multiply-adds of one forward at batch 1 and the default input size
 * @param memoryAccess elements read and written by the same forward (the ShuffleNetV2 paper's
 *     memory-access cost, {@link io.jclas.analysis.MemoryAccess})
 */
record ModelRow(ModelInfo info, long params, long macs, long memoryAccess) {

    /** FLOPs in the seed tables' convention: a multiply-add counts as two operations. */
    long flops() {
        return 2 * macs;
    }

    /** Our FLOPs relative to the published ones, minus one; NaN where none is published. */
    double flopsDiff() {
        return info.published().flopsG() > 0 ? flops() / 1e9 / info.published().flopsG() - 1 : Double.NaN;
    }

    /** Our params relative to the published ones, minus one; NaN where none is published. */
    double paramsDiff() {
        return info.published().paramsM() > 0 ? params / 1e6 / info.published().paramsM() - 1 : Double.NaN;
    }
}
