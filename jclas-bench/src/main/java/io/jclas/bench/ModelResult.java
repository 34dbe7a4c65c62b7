package io.jclas.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything measured for one model.
 *
 * @param name zoo name
 * @param family family title (series of the plots)
 * @param params trainable parameters
 * @param flops FLOPs of one image at the benchmark input (2 x MACs)
 * @param npzBytes size of the weights file ({@code model.npz})
 * @param onnxBytes size of the exported ONNX model; null when it could not be exported
 * @param rssBytes by engine id: resident memory above the idle baseline after loading the model and
 *     running batch-1 forwards, measured in a fresh JVM
 * @param activationBytes estimated activation memory of one image: every op output, float32
 * @param publishedTop1 the published ImageNet Top-1 (fraction) or null
 * @param latencies one entry per engine x batch x threads that ran
 * @param training the training dimension or null when skipped or unavailable
 * @param anchors the same settings measured on the anchors ({@code --anchors}), with jclas/anchor ratios
 * @param notes what could not be measured and why
 */
public record ModelResult(
        String name,
        String family,
        long params,
        long flops,
        long npzBytes,
        Long onnxBytes,
        Map<String, Long> rssBytes,
        long activationBytes,
        Double publishedTop1,
        List<LatencyResult> latencies,
        TrainingResult training,
        List<AnchorResult> anchors,
        List<String> notes) {

    public ModelResult {
        latencies = List.copyOf(latencies);
        anchors = List.copyOf(anchors);
        notes = List.copyOf(notes);
        rssBytes = Map.copyOf(rssBytes);
    }

    /** The latency of one configuration, or null when it did not run. */
    public LatencyResult latency(String engine, int batch, int threads) {
        return latencies.stream()
                .filter(l -> l.engine().equals(engine) && l.batch() == batch && l.threads() == threads)
                .findFirst()
                .orElse(null);
    }

    /** int8 over fp32 ONNX Runtime median latency at one setting, or null when either did not run. */
    public Double int8Ratio(int batch, int threads) {
        LatencyResult fp32 = latency(InferenceEngine.ONNXRUNTIME.id(), batch, threads);
        LatencyResult int8 = latency(BenchmarkOptions.INT8_ENGINE, batch, threads);
        return fp32 == null || int8 == null ? null : int8.medianMs() / fp32.medianMs();
    }

    /** The int8 latency rows. */
    public List<LatencyResult> int8Latencies() {
        return latencies.stream().filter(l -> l.engine().equals(BenchmarkOptions.INT8_ENGINE)).toList();
    }
}
