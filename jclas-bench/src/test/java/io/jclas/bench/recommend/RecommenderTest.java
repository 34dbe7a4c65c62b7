package io.jclas.bench.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.analysis.Precision;
import io.jclas.bench.recommend.Selection.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTest {

    private static RecommendOptions options(List<String> models, double latencyMs, List<Precision> precisions,
            Path plot) {
        return new RecommendOptions(RecommendOptions.resolve(models), new Budget(latencyMs, Double.NaN), 1, 1, 32,
                precisions, AccuracySource.published(), new RepeatedMedians(1, 2, 3), plot);
    }

    @Test
    void int8IsMeasuredOnTheQuantizedModelBesideFp32(@TempDir Path dir) {
        RecommendReport r = Recommender.standard().run(
                options(List.of("ShuffleNetV2_x0_25"), 1000, List.of(Precision.FP32, Precision.INT8), dir.resolve("p.png")),
                new RecommendListener() {});
        assertEquals(2, r.candidates().size());
        Candidate fp32 = r.candidates().get(0);
        Candidate int8 = r.candidates().get(1);
        assertEquals(Precision.FP32, fp32.precision());
        assertEquals(Precision.INT8, int8.precision());
        assertTrue(int8.latencyMs() > 0 && fp32.latencyMs() > 0, r.candidates().toString());
        assertEquals(fp32.flops(), int8.flops());
        assertEquals(fp32.memoryAccessBytes(), 4 * int8.memoryAccessBytes());
    }

    @Test
    void aModelClearlyOverATinyBudgetStopsEarlyAndNothingFits(@TempDir Path dir) throws Exception {
        // 1 microsecond: any real forward is clearly over, so the run stops early and skips the memory probe
        RecommendReport r = Recommender.standard().run(
                options(List.of("ShuffleNetV2_x0_25"), 0.001, List.of(Precision.FP32), dir.resolve("p.png")),
                new RecommendListener() {});
        Candidate c = r.candidates().get(0);
        assertTrue(c.stoppedEarly() && c.latencyMs() > 0.001, c.toString());
        assertTrue(c.flops() > 0 && c.memoryAccessBytes() > c.flops() / 100, c.toString());
        assertEquals(0.499, c.top1(), 1e-9);
        assertEquals(Outcome.NOTHING_FITS, r.selection().outcome());
        assertTrue(r.selection().message().startsWith("nothing fits the budget: the fastest is ShuffleNetV2_x0_25 at "));
        assertTrue(Files.size(dir.resolve("p.png")) > 1000);
    }

    @Test
    void familiesAndAllResolveToNames() {
        List<String> names = RecommendOptions.resolve(List.of("ShuffleNetV2", "ResNet18_vd", "shufflenetv2"));
        assertEquals(8, names.size());
        assertEquals("ResNet18_vd", names.get(7));
        assertEquals(List.of("MobileNetV2"), RecommendOptions.resolve(List.of("MobileNetV2")));
        assertEquals(6, RecommendOptions.resolve(List.of("mobilenet_v2")).size());
        JclasException e = assertThrows(JclasException.class, () -> RecommendOptions.resolve(List.of("ShuffleNet")));
        assertTrue(e.getMessage().equals("unknown model or family 'ShuffleNet'"), e.getMessage());
    }
}
