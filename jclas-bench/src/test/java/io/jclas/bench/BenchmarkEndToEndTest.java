package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.zoo.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small model, batch 1, one thread, two iterations, no training: every file appears. */
class BenchmarkEndToEndTest {
    private static final String MODEL = "ShuffleNetV2_x0_5";

    @Test
    void tinyRunWritesEveryFile(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Models.contains(MODEL), MODEL + " is not registered in the zoo yet");
        BenchmarkOptions o = BenchmarkOptions.builder().setModels(List.of(MODEL)).optBatchSizes(List.of(1))
                .optThreads(List.of(1)).optWarmup(1).optIterations(2).optInputSize(64).optTrainEpochs(0)
                .optOutDir(dir).build();
        List<String> stages = new ArrayList<>();
        BenchmarkReport r = Benchmark.run(o, new BenchmarkListener() {
            @Override
            public void onStage(String model, String stage) {
                stages.add(stage);
            }
        });
        assertEquals(List.of("stats", "files", "memory", "latency"), stages);
        ModelResult m = r.models().get(0);
        assertTrue(m.params() > 100_000 && m.params() < 2_000_000, "params " + m.params());
        assertTrue(m.flops() > 0, "flops " + m.flops());
        assertTrue(m.npzBytes() > 2 * m.params(), "npz of " + m.npzBytes() + " bytes for " + m.params() + " params");
        assertTrue(m.activationBytes() > 0);
        LatencyResult pytorch = m.latency("pytorch", 1, 1);
        assertNotNull(pytorch, "notes: " + m.notes());
        assertTrue(pytorch.medianMs() > 0 && pytorch.p90Ms() >= pytorch.medianMs());
        assertTrue(m.rssBytes().get("pytorch") > 0, "notes: " + m.notes());
        assertNotNull(m.latency("onnxruntime", 1, 1), "notes: " + m.notes());
        assertTrue(m.onnxBytes() > 2 * m.params() && m.rssBytes().get("onnxruntime") > 0, "notes: " + m.notes());
        assertTrue(r.machine().peakGflops().get(1) > 0);
        for (String f : List.of("report.md", "report.csv", "report.json", Plots.PARAMS, Plots.MEMORY)) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".models")), "work folder removed");
        }
    }
}
