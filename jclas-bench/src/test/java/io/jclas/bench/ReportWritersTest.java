package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    private final BenchmarkReport report = SyntheticReports.twoModels();

    @Test
    void markdownHasOneTablePerDimensionAndTheRanking() {
        String md = MarkdownReport.render(report, List.of(Plots.TOP1_VS_LATENCY));
        for (String heading : List.of("## 1. Top-1", "## 2. FLOPs", "## 3. Parameters", "## 4. Inference memory",
                "## 5. Model file size", "## 6. Latency", "## 7. Training time")) {
            assertTrue(md.contains(heading), heading);
        }
        assertTrue(md.contains("| Test CPU |"));
        assertTrue(md.contains("50.0 GFLOP/s at 1T, 98.5 GFLOP/s at 2T"));
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | 298.0 |"), "MFLOPs row");
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | 2.28 |"), "params row");
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | 30.00 | 50.00 | 12.00 |"), "memory row: onnxruntime, pytorch, activations");
        assertTrue(md.contains("| GhostNet_x1_0 | 19.93 | - |"), "file row without ONNX");
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | onnxruntime | 1 | 1 | 8.50 | 0.25 | 9.25 | 35.06 | 4.2 |"), md);
        assertTrue(md.contains("2 warm-up + 3 x 10 timed forwards per setting"), md);
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | 1 | 2000 | 30.5 | 65.6 |"));
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | ShuffleNetV2 | 71.0 % | 68.8 % |"));
        // ranking uses the first engine with results (onnxruntime) and only GhostNet lacks it there
        assertTrue(md.contains("## Ranking by latency (onnxruntime, batch 1, 1 thread)\n\n1. ShuffleNetV2_x1_0: 8.50 ms"));
        assertTrue(md.contains("- GhostNet_x1_0: ONNX export failed"));
        assertTrue(md.contains("![top1 vs latency](top1_vs_latency.png)"));
    }

    @Test
    void markdownListsEachAnchorWithItsRatioAndTheLoad() {
        String md = MarkdownReport.render(report, List.of());
        assertTrue(md.contains("## 8. Anchors"), md);
        assertTrue(md.contains("| ShuffleNetV2_x1_0 | torch-eager | latency_ms | pytorch | 1 | 1 | 12.00 | 16.00 | 0.75 | - |"),
                md);
        assertTrue(md.contains("| raw-onnxruntime | latency_ms | classifier | 1 | 1 | 8.93 | 8.50 | 1.05 | - |"), md);
        assertTrue(md.contains("| torch-eager | train_img_per_s | training | 64 | 2 | 65.60 | 82.00 | 0.80 | one batch in memory |"),
                md);
        assertTrue(md.contains("| Load average (1 min) before / after | 0.12 / 0.34 |"), md);
        assertTrue(md.contains("torch 1.13.0 torchvision 0.14.1, matmul peak 7.5 GFLOP/s at 1T"), md);
        assertTrue(md.contains(", 2 thread(s), Arch.small_input=true |"), "training threads and overrides: " + md);
        assertTrue(!md.contains("Not a result"), "a quiet run is a result");
    }

    @Test
    void aRunStartedOnABusyMachineIsMarkedAsNotAResult() {
        String md = MarkdownReport.render(SyntheticReports.busy(1.75), List.of());
        assertTrue(md.startsWith("# jclas benchmark\n\n**Not a result:** the one-minute load average was 1.75"), md);
    }

    @Test
    void csvHasOneRowPerLatencySettingWithTheModelColumnsRepeated() {
        List<String> lines = CsvReport.render(report).lines().toList();
        assertEquals(String.join(",", CsvReport.HEADER), lines.get(0));
        assertEquals(1 + 3 + 1, lines.size());
        String[] first = lines.get(1).split(",", -1);
        assertEquals(CsvReport.HEADER.size(), first.length);
        assertEquals("ShuffleNetV2_x1_0", first[0]);
        assertEquals("298000000", first[3]);
        assertEquals("52428800", first[6]);
        assertEquals("onnxruntime", first[15]);
        assertEquals(8.5, Double.parseDouble(first[18]), 1e-9);
        String ghost = lines.get(4);
        assertTrue(ghost.startsWith("GhostNet_x1_0,GhostNet,5180000,282000000,20900000,,73400320,,16777216,,,,,,,pytorch,1,1,"),
                ghost);
        assertTrue(ghost.endsWith(",14.1000,,0.00000"), "no floor ratio without a peak, then the spread: " + ghost);
        assertEquals("\"a,\"\"b\"\"\"", CsvReport.cell("a,\"b\""));
    }

    @Test
    void jsonRoundTripsTheWholeReport() {
        assertEquals(report, JsonReport.parse(JsonReport.render(report)));
    }

    @Test
    void writesAllFilesAtomicallyWithPngPlots(@TempDir Path dir) throws Exception {
        List<Path> written = ReportFiles.write(report, dir);
        for (String name : List.of("report.md", "report.csv", "report.json", Plots.TOP1_VS_LATENCY,
                Plots.LATENCY_VS_FLOPS, Plots.PARAMS, Plots.FILE_SIZE, Plots.MEMORY)) {
            assertTrue(written.contains(dir.resolve(name)), name);
            assertTrue(Files.size(dir.resolve(name)) > 100, name);
        }
        byte[] magic = Arrays.copyOf(Files.readAllBytes(dir.resolve(Plots.MEMORY)), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(8, files.count(), "no temp files left");
        }
    }
}
