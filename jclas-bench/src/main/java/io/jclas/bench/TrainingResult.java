package io.jclas.bench;

/**
 * The training dimension of one model: a short run that ranks learning speed, not final accuracy.
 *
 * @param epochs epochs trained
 * @param images training images per epoch
 * @param secondsPerEpoch mean wall time of one epoch (training only)
 * @param imagesPerSecond training throughput
 * @param top1 Top-1 on the evaluation set after the last epoch (fraction)
 */
public record TrainingResult(int epochs, int images, double secondsPerEpoch, double imagesPerSecond, double top1) {}
