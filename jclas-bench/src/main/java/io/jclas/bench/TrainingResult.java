package io.jclas.bench;

/**
 * The training dimension of one model: a short run that ranks learning speed, not final accuracy.
 *
 * @param epochs epochs trained
 * @param images training images per epoch
 * @param secondsPerEpoch mean wall time of one epoch (training only)
 * @param imagesPerSecond training throughput
 * @param top1 Top-1 on the evaluation set after the last epoch (fraction)
 * @param setup what the run trained on: the PyTorch anchor repeats it
 */
public record TrainingResult(int epochs, int images, double secondsPerEpoch, double imagesPerSecond, double top1,
        Setup setup) {

    /**
     * The shape of a training step, read from the resolved recipe.
     *
     * @param threads intra-op threads
     * @param batch images per step
     * @param channels input channels
     * @param size square input side
     * @param smallInput Arch.small_input (stride 1 in the stem, no stem max-pool)
     * @param classNum classifier outputs
     */
    public record Setup(int threads, int batch, int channels, int size, boolean smallInput, int classNum) {}
}
