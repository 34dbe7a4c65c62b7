package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8 latency rows: their ratio to fp32, the report table, and the options that ask for them. */
class Int8RowsTest {
    @Test
    void ratioIsInt8OverFp32AtTheSameSetting() {
        BenchmarkReport r = SyntheticReports.twoModels();
        ModelResult base = r.models().get(0);
        List<LatencyResult> rows = new java.util.ArrayList<>(base.latencies());
        rows.add(new LatencyResult(BenchmarkOptions.INT8_ENGINE, 1, 1, 4.25, 4.5, 70.1, 2.1, 0));
        ModelResult m = new ModelResult(base.name(), base.family(), base.params(), base.flops(), base.npzBytes(),
                base.onnxBytes(), base.rssBytes(), base.activationBytes(), base.publishedTop1(), rows, base.training(),
                base.anchors(), base.notes());
        assertEquals(0.5, m.int8Ratio(1, 1), 1e-12);
        assertNull(m.int8Ratio(4, 1));
        String md = MarkdownReport.render(new BenchmarkReport(r.startedAt(), r.machine(), r.settings(), r.conditions(), List.of(m)),
                List.of());
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | 1 | 1 | 8.50 | 4.25 | 0.50 |"), md);
        assertTrue(!MarkdownReport.render(r, List.of()).contains("int8 / fp32"), "no int8 table without int8 rows");
    }

    @Test
    void int8NeedsOnnxRuntimeAndKnownPrecisions() {
        BenchmarkOptions o = BenchmarkOptions.builder().quick().optPrecisions(List.of("fp32", "int8")).build();
        assertTrue(o.int8());
        assertThrows(JclasException.class,
                () -> BenchmarkOptions.builder().quick().optPrecisions(List.of("fp16")).build());
        JclasException e = assertThrows(JclasException.class, () -> BenchmarkOptions.builder().quick()
                .optPrecisions(List.of("int8")).optEngines(List.of(InferenceEngine.PYTORCH)).build());
        assertTrue(e.getHint().contains("onnxruntime"), e.getHint());
    }
}
