package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --anchors on a tiny setting: the rows exist with consistent ratios; a missing PyTorch is a message, not a failure. */
class AnchorsTest {
    private static final String MODEL = "ShuffleNetV2_x1_0";

    private static BenchmarkOptions.Builder tiny(Path dir) {
        return BenchmarkOptions.builder().setModels(List.of(MODEL)).optBatchSizes(List.of(2)).optThreads(List.of(1))
                .optWarmup(1).optIterations(2).optInputSize(32).optAnchors(true).optOutDir(dir);
    }

    @Test
    void withoutPyTorchTheOrtAnchorStillRunsAndTheSkipIsSaid(@TempDir Path dir) {
        List<String> messages = new ArrayList<>();
        BenchmarkReport r = Benchmark.run(tiny(dir).optEngines(List.of(InferenceEngine.ONNXRUNTIME))
                .optAnchorPython(dir.resolve("no-python")).build(), new BenchmarkListener() {
                    @Override
                    public void onMessage(String message) {
                        messages.add(message);
                    }
                });
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("PyTorch anchor skipped: ") && m.contains("no-python")),
                messages.toString());
        assertEquals(null, r.conditions().torchAnchor());
        List<AnchorResult> anchors = r.models().get(0).anchors();
        assertEquals(1, anchors.size(), anchors.toString());
        AnchorResult ort = anchors.get(0);
        assertEquals(AnchorResult.RAW_ORT, ort.anchor());
        assertEquals(2, ort.batch());
        assertTrue(ort.jclas() > 0 && ort.reference() > 0, ort.toString());
        assertEquals(ort.jclas() / ort.reference(), ort.ratio(), 1e-12);
        assertTrue(Files.exists(dir.resolve("report.md")));
    }

    @Test
    void trainScalingTrainsAgainOnOneThreadAndGivesTheRatio(@TempDir Path dir) {
        List<Integer> trainedOn = new ArrayList<>();
        TrainingRunner stub = (model, o, listener) -> {
            int threads = o.resolvedTrainThreads();
            trainedOn.add(threads);
            return new TrainingResult(1, 640, 1.0, 100.0 * threads + 50, 0.5,
                    new TrainingResult.Setup(threads, 64, 1, 28, false, 10));
        };
        BenchmarkOptions o = tiny(dir).optAnchors(false).optEngines(List.of(InferenceEngine.ONNXRUNTIME))
                .optThreads(List.of(2)).optTrainEpochs(1).optTrainScaling(true).build();
        BenchmarkReport r = new Benchmark(Integrations.onnxExport(), Integrations.onnxQuantize(), stub)
                .execute(o, new BenchmarkListener() {});
        assertEquals(List.of(2, 1), trainedOn, "the dimension's own threads first, then one");
        AnchorResult scaling = r.models().get(0).anchors().get(0);
        assertEquals(AnchorResult.ONE_THREAD, scaling.anchor());
        assertEquals(2, scaling.threads());
        assertEquals(250.0 / 150.0, scaling.ratio(), 1e-12);
        assertEquals(250.0, r.models().get(0).training().imagesPerSecond(), "the report keeps the 2-thread figure");
    }

    @Test
    void pytorchAnchorTimesTorchvisionAtTheSameSettings(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isExecutable(BenchmarkOptions.DEBIAN_PYTHON), "no Debian python3");
        TorchAnchor torch;
        try {
            torch = TorchAnchor.open(BenchmarkOptions.DEBIAN_PYTHON, dir);
        } catch (IllegalStateException e) {
            Assumptions.abort("python3-torch is not installed: " + e.getMessage());
            return;
        }
        assertTrue(torch.versions().startsWith("torch "), torch.versions());
        BenchmarkOptions o = tiny(dir).build();
        List<LatencyResult> rows = torch.latencies(MODEL, o);
        assertEquals(1, rows.size());
        assertEquals(AnchorResult.TORCH_EAGER, rows.get(0).engine());
        assertEquals(2, rows.get(0).batch());
        assertTrue(rows.get(0).medianMs() > 0 && rows.get(0).p90Ms() >= rows.get(0).medianMs(), rows.toString());
        double imgs = torch.trainImagesPerSecond(MODEL, new TrainingResult.Setup(1, 4, 1, 28, true, 10), 1, 2);
        assertTrue(imgs > 0 && Double.isFinite(imgs), "img/s " + imgs);
        assertTrue(torch.matmulPeak(List.of(1)).get(1) > 0.1);
        assertFalse(TorchAnchor.covers("GhostNet_x1_0"), "torchvision has no GhostNet");
        assertNotNull(TorchAnchor.note("ResNet18_vd"));
        assertTrue(TorchAnchor.note("ResNet18_vd").contains("vd stem"));
    }

    @Test
    void aBusyMachineIsMarkedOrRefused() {
        List<String> messages = new ArrayList<>();
        BenchmarkListener l = new BenchmarkListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        assertTrue(Benchmark.quietEnough(0.5, true, l));
        assertTrue(Benchmark.quietEnough(Double.NaN, true, l), "no /proc/loadavg: nothing to judge by");
        assertTrue(messages.isEmpty());
        assertFalse(Benchmark.quietEnough(0.51, false, l));
        assertEquals(List.of("1-minute load average 0.51, above 0.5: the report is marked as not a result"), messages);
        JclasException e = assertThrows(JclasException.class, () -> Benchmark.quietEnough(3.2, true, l));
        assertEquals("the machine is busy: 1-minute load average 3.20, above 0.5", e.getMessage());
        assertTrue(e.getHint().contains("--require-quiet"), e.getHint());
    }
}
