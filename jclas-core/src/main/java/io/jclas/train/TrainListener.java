package io.jclas.train;

/**
 * What training and evaluation report while they run; every method defaults to doing nothing. The
 * core never prints: the CLI implements this with a progress bar.
 */
public interface TrainListener {

    /** After every training batch. */
    default void onBatch(BatchProgress progress) {}

    /** After every training epoch. */
    default void onEpoch(EpochSummary summary) {}

    /**
     * After every evaluation.
     *
     * @param epoch the epoch just trained (0 for a stand-alone evaluation)
     * @param best whether this is the best result so far (always false for a stand-alone evaluation)
     */
    default void onEval(int epoch, EvalResult result, boolean best) {}

    /** After every evaluation batch. */
    default void onEvalBatch(int step, int steps) {}

    /** Something worth telling the user (resumed from, weights skipped, device chosen). */
    default void onMessage(String message) {}

    /**
     * Progress of one training batch.
     *
     * @param epoch 1-based epoch
     * @param step 1-based batch in the epoch
     * @param loss this batch's loss
     * @param lr the learning rate used for this batch
     * @param imagesPerSecond training throughput of this epoch so far
     * @param etaSeconds estimated seconds left in this epoch
     */
    record BatchProgress(int epoch, int epochs, int step, int steps, double loss, double lr,
            double imagesPerSecond, double etaSeconds) {}

    /**
     * One finished training epoch.
     *
     * @param loss mean training loss
     * @param top1 training top-1 on hard labels (NaN when batches carry mixed soft targets)
     * @param lr the learning rate at the end of the epoch
     * @param imagesPerSecond training throughput (loading, forward, backward, update)
     * @param loaderImagesPerSecond what the data loader alone could deliver (decode + transforms, all
     *     workers): well above {@code imagesPerSecond} when the model, not the data, is the bottleneck
     * @param cpuCores cores the process kept busy on average during the epoch (process CPU time / wall
     *     time): close to the core count when training uses every core
     */
    record EpochSummary(int epoch, int epochs, double loss, double top1, double lr, double seconds,
            double imagesPerSecond, double loaderImagesPerSecond, double cpuCores) {}
}
