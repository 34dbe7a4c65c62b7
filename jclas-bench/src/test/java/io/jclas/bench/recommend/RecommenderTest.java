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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTest {

    private static RecommendOptions options(List<String> models, double latencyMs, List<Precision> precisions,
            Path plot) {
        return new RecommendOptions(RecommendOptions.resolve(models), new Budget(latencyMs, Double.NaN), 1, 1, 32,
                precisions, AccuracySource.published(), new RepeatedMedians(1, 2, 3), plot);
    }

    @Test
    void int8WithoutAQuantizerFailsBeforeMeasuring(@TempDir Path dir) {
        Recommender r = new Recommender((net, c, s, f) -> {
            throw new AssertionError("must not export");
        }, Optional.empty());
        JclasException e = assertThrows(JclasException.class, () -> r.run(
                options(List.of("ShuffleNetV2_x0_25"), 5, List.of(Precision.FP32, Precision.INT8), dir.resolve("p.png")),
                new RecommendListener() {}));
        assertTrue(e.getMessage().startsWith("--precision int8 needs jclas-onnx's int8 quantizer"), e.getMessage());
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
