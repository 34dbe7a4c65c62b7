package io.jclas.bench;

import java.util.List;
import java.util.Map;

/** Hand-made reports with known numbers for the writer tests. */
final class SyntheticReports {
    private SyntheticReports() {}

    static BenchmarkReport twoModels() {
        ModelResult shuffle = new ModelResult("ShuffleNetV2_x1_0", "ShuffleNetV2", 2_279_760, 298_000_000L,
                9_300_000, 9_100_000L, Map.of("pytorch", 52_428_800L, "onnxruntime", 31_457_280L), 12_582_912,
                0.688, List.of(
                        new LatencyResult("onnxruntime", 1, 1, 8.5, 9.25, 35.06, 4.2, 0.25),
                        new LatencyResult("pytorch", 1, 1, 12.0, 14.0, 24.83, 6.0, 0),
                        new LatencyResult("pytorch", 4, 1, 40.0, 45.0, 29.8, 5.1, 0)),
                new TrainingResult(1, 2000, 30.5, 65.6, 0.71, new TrainingResult.Setup(2, 64, 1, 28, false, 10)),
                List.of(AnchorResult.of(AnchorResult.TORCH_EAGER, AnchorResult.LATENCY, "pytorch", 1, 1, 12.0, 16.0, ""),
                        AnchorResult.of(AnchorResult.RAW_ORT, AnchorResult.LATENCY, "classifier", 1, 1, 8.925, 8.5, ""),
                        AnchorResult.of(AnchorResult.TORCH_EAGER, AnchorResult.TRAINING, "training", 64, 2, 65.6, 82.0,
                                "one batch in memory")),
                List.of());
        ModelResult ghost = new ModelResult("GhostNet_x1_0", "GhostNet", 5_180_000, 2 * 141_000_000L, 20_900_000,
                null, Map.of("pytorch", 73_400_320L), 16_777_216, null,
                List.of(new LatencyResult("pytorch", 1, 1, 20.0, 22.0, 14.1, null, 0)),
                null, List.of(), List.of("ONNX export failed: no exporter, \"test\""));
        MachineInfo machine = new MachineInfo("Test CPU", 2, "OpenJDK 17", "Linux 6 amd64", "0.36.0", "2.7.1",
                "1.23.2", Map.of(1, 50.0, 2, 98.5));
        BenchmarkReport.Settings settings = new BenchmarkReport.Settings(List.of(1, 4), List.of(1),
                List.of("onnxruntime", "pytorch"), 2, 10, 3, 224, 3, false, 1000, 1, "fashion-mnist", 2000, 2,
                List.of("Arch.small_input=true"), false, true);
        RunConditions quiet = new RunConditions(0.12, 0.34, true, "torch 1.13.0 torchvision 0.14.1", Map.of(1, 7.5));
        return new BenchmarkReport("2025-01-01T00:00:00Z", machine, settings, quiet, List.of(shuffle, ghost));
    }

    /** {@link #twoModels()} as if the load average had been {@code load} at the start. */
    static BenchmarkReport busy(double load) {
        BenchmarkReport r = twoModels();
        return new BenchmarkReport(r.startedAt(), r.machine(), r.settings(),
                new RunConditions(load, load, false, null, Map.of()), r.models());
    }
}
