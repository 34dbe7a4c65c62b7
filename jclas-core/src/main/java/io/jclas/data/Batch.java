package io.jclas.data;

/**
 * A batch ready for the network.
 *
 * @param images NCHW pixels, {@code n*c*h*w} of them
 * @param labels the hard label of each image
 * @param softTargets {@code n*classNum} target probabilities when a batch op (mixup, cutmix) mixed
 *     labels; null otherwise
 */
public record Batch(float[] images, int n, int c, int h, int w, int[] labels, float[] softTargets) {

    /** The number of classes of the soft targets, or 0 when there are none. */
    public int classNum() {
        return softTargets == null ? 0 : softTargets.length / n;
    }
}
