package io.jclas.bench;

/**
 * One jclas figure next to its anchor, measured in the same run at the same batch and threads.
 *
 * @param anchor what jclas is compared with: {@value #TORCH_EAGER} (torchvision in Python),
 *     {@value #RAW_ORT} (a bare ONNX Runtime session on the same model.onnx) or {@value #PRE_DECODED}
 *     (jclas's own training on the pre-decoded IDX tensors, against training from PNG files) or
 *     {@value #ONE_THREAD} (jclas's own training on one thread, against more threads: the scaling)
 * @param measure what both figures are: {@value #LATENCY} (median ms of a forward, jclas's engine in
 *     {@code engine}) or {@value #TRAINING} (img/s of training steps)
 * @param engine the jclas side: {@code pytorch} (the block tree through DJL), {@code classifier}
 *     (jclas's ONNX Runtime classifier on a preprocessed tensor), {@code training} (TrainingEngine) or
 *     {@code training-png} (TrainingEngine reading an ImageFolder of PNG files)
 * @param batch images per forward or step
 * @param threads intra-op threads of both
 * @param jclas jclas's figure
 * @param reference the anchor's figure
 * @param ratio jclas / anchor: above 1 is slower for latency, faster for training img/s
 * @param note what differs between the two sides, empty when they run the same network
 */
public record AnchorResult(String anchor, String measure, String engine, int batch, int threads, double jclas,
        double reference, double ratio, String note) {

    public static final String TORCH_EAGER = "torch-eager";
    public static final String RAW_ORT = "raw-onnxruntime";
    public static final String PRE_DECODED = "pre-decoded";
    public static final String ONE_THREAD = "jclas-1-thread";
    public static final String LATENCY = "latency_ms";
    public static final String TRAINING = "train_img_per_s";

    /** A comparison with the ratio computed. */
    public static AnchorResult of(String anchor, String measure, String engine, int batch, int threads, double jclas,
            double reference, String note) {
        return new AnchorResult(anchor, measure, engine, batch, threads, jclas, reference, jclas / reference, note);
    }
}
