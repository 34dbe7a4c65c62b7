package io.jclas.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** report.md: the machine, the settings and one table per dimension. */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** The report as Markdown; {@code plots} are file names next to report.md to embed. */
    public static String render(BenchmarkReport r, List<String> plots) {
        StringBuilder md = new StringBuilder();
        md.append("# jclas benchmark\n\n");
        RunConditions c = r.conditions();
        if (!c.result()) {
            md.append("**Not a result:** the one-minute load average was ").append(f2(c.loadBefore()))
                    .append(" when the run started (above ").append(f1(BenchmarkOptions.QUIET_LOAD))
                    .append("): other work shared the cores, so the timings below show that the benchmark runs, "
                            + "not how fast the code is.\n\n");
        }
        machine(md, r);
        dimensions(md, r);
        AnchorsReport.render(md, r);
        ranking(md, r);
        for (String plot : plots) {
            md.append("![").append(plot.replace(".png", "").replace('_', ' ')).append("](").append(plot).append(")\n\n");
        }
        List<String> notes = r.models().stream()
                .flatMap(m -> m.notes().stream().map(n -> "- " + m.name() + ": " + n)).toList();
        if (!notes.isEmpty()) {
            md.append("## Not measured\n\n").append(String.join("\n", notes)).append("\n");
        }
        return md.toString();
    }

    private static void machine(StringBuilder md, BenchmarkReport r) {
        MachineInfo m = r.machine();
        BenchmarkReport.Settings s = r.settings();
        md.append("Started ").append(r.startedAt()).append(".\n\n");
        md.append("| Machine | |\n|---|---|\n");
        row(md, "CPU", m.cpuModel());
        row(md, "Cores", Integer.toString(m.cores()));
        row(md, "OS", m.os());
        row(md, "Java", m.java());
        row(md, "DJL / PyTorch", m.djl() + " / " + m.pytorch());
        row(md, "ONNX Runtime", m.onnxruntime());
        row(md, "float32 matmul peak (PyTorch)", new TreeMap<>(m.peakGflops()).entrySet().stream()
                .map(e -> f1(e.getValue()) + " GFLOP/s at " + e.getKey() + "T").collect(Collectors.joining(", ")));
        row(md, "Load average (1 min) before / after", f2(r.conditions().loadBefore()) + " / "
                + f2(r.conditions().loadAfter()));
        if (r.conditions().torchAnchor() != null) {
            row(md, "PyTorch anchor (Python)", r.conditions().torchAnchor() + ", matmul peak "
                    + new TreeMap<>(r.conditions().torchPeakGflops()).entrySet().stream()
                            .map(e -> f1(e.getValue()) + " GFLOP/s at " + e.getKey() + "T")
                            .collect(Collectors.joining(", ")));
        }
        row(md, "Engines", String.join(", ", s.engines()));
        row(md, "Threads", s.threads().toString());
        row(md, "Batch sizes", s.batchSizes().toString());
        row(md, "Input", s.inputChannels() + "x" + s.inputSize() + "x" + s.inputSize() + ", " + s.classNum() + " classes"
                + (s.smallInput() ? ", models built for small input (stem stride 1, no stem pool)" : ""));
        row(md, "Timing", s.warmup() + " warm-up + " + s.repeats() + " x " + s.iterations()
                + " timed forwards per setting");
        row(md, "Training", s.trainEpochs() == 0 ? "skipped" : s.trainEpochs() + " epoch(s) on " + s.dataset()
                + (s.trainSubset() > 0 ? ", " + s.trainSubset() + " images" : ", full training set")
                + ", " + s.trainThreads() + " thread(s)"
                + (s.trainOverrides().isEmpty() ? "" : ", " + String.join(" ", s.trainOverrides())));
        md.append('\n');
    }

    private static void dimensions(StringBuilder md, BenchmarkReport r) {
        List<ModelResult> ms = r.models();
        int size = r.settings().inputSize();
        md.append("## 1. Top-1\n\n");
        if (ms.stream().anyMatch(m -> m.training() != null)) {
            md.append("After a short training run: this ranks how fast a model learns, not its final accuracy.\n\n");
        }
        md.append("| Model | Family | Top-1 (benchmark training) | Published ImageNet Top-1 |\n|---|---|---:|---:|\n");
        for (ModelResult m : ms) {
            md.append("| ").append(m.name()).append(" | ").append(m.family()).append(" | ")
                    .append(m.training() == null ? "-" : pct(m.training().top1())).append(" | ")
                    .append(m.publishedTop1() == null ? "-" : pct(m.publishedTop1())).append(" |\n");
        }
        md.append("\n## 2. FLOPs (").append(size).append("x").append(size).append(", FLOPs = 2 x MACs)\n\n");
        md.append("| Model | MFLOPs |\n|---|---:|\n");
        ms.forEach(m -> md.append("| ").append(m.name()).append(" | ").append(f1(m.flops() / 1e6)).append(" |\n"));
        md.append("\n## 3. Parameters\n\n| Model | Params (M) |\n|---|---:|\n");
        ms.forEach(m -> md.append("| ").append(m.name()).append(" | ").append(f2(m.params() / 1e6)).append(" |\n"));
        md.append("\n## 4. Inference memory (batch 1)\n\n");
        md.append("RSS: resident memory above an idle baseline, in a fresh JVM per model and engine. "
                + "Activations: every op output of one forward at float32 (an estimate that ignores reuse).\n\n");
        List<String> engines = r.settings().engines();
        md.append("| Model | ").append(engines.stream().map(e -> "RSS " + e + " (MB)").collect(Collectors.joining(" | ")))
                .append(" | Activations (MB) |\n|---|").append("---:|".repeat(engines.size() + 1)).append('\n');
        for (ModelResult m : ms) {
            md.append("| ").append(m.name()).append(" | ");
            for (String e : engines) {
                Long b = m.rssBytes().get(e);
                md.append(b == null ? "-" : mb(b)).append(" | ");
            }
            md.append(mb(m.activationBytes())).append(" |\n");
        }
        md.append("\n## 5. Model file size\n\n| Model | model.npz (MB) | model.onnx (MB) |\n|---|---:|---:|\n");
        ms.forEach(m -> md.append("| ").append(m.name()).append(" | ").append(mb(m.npzBytes())).append(" | ")
                .append(m.onnxBytes() == null ? "-" : mb(m.onnxBytes())).append(" |\n"));
        md.append("\n## 6. Latency\n\n");
        md.append("Median and p90 of one forward (ms); ± = half the range of the round medians over "
                + r.settings().repeats() + " round(s); GFLOP/s achieved at the median; x floor = median / the "
                + "time the FLOPs take at the measured matmul peak for that thread count.\n\n");
        md.append("| Model | Engine | Batch | Threads | Median (ms) | ± (ms) | p90 (ms) | GFLOP/s | x floor |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ModelResult m : ms) {
            for (LatencyResult l : m.latencies()) {
                md.append("| ").append(m.name()).append(" | ").append(l.engine()).append(" | ").append(l.batch())
                        .append(" | ").append(l.threads()).append(" | ").append(f2(l.medianMs())).append(" | ")
                        .append(f2(l.spreadMs())).append(" | ").append(f2(l.p90Ms())).append(" | ").append(f2(l.gflops())).append(" | ")
                        .append(l.floorRatio() == null ? "-" : f1(l.floorRatio())).append(" |\n");
            }
        }
        int8Ratios(md, ms);
        md.append("\n## 7. Training time\n\n");
        md.append("| Model | Epochs | Images/epoch | s/epoch | img/s |\n|---|---:|---:|---:|---:|\n");
        for (ModelResult m : ms) {
            TrainingResult t = m.training();
            md.append("| ").append(m.name()).append(" | ").append(t == null ? "- | - | - | -" : t.epochs() + " | "
                    + t.images() + " | " + f1(t.secondsPerEpoch()) + " | " + f1(t.imagesPerSecond())).append(" |\n");
        }
        md.append('\n');
    }

    /** The int8 / fp32 ONNX Runtime latency table, when the run measured int8. */
    private static void int8Ratios(StringBuilder md, List<ModelResult> ms) {
        if (ms.stream().allMatch(m -> m.int8Latencies().isEmpty())) {
            return;
        }
        md.append("\nint8 (QDQ, io.jclas.onnx.quant) against fp32 on ONNX Runtime: median latency ratio "
                + "(below 1 is faster).\n\n| Model | Batch | Threads | fp32 (ms) | int8 (ms) | int8 / fp32 |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (ModelResult m : ms) {
            for (LatencyResult l : m.int8Latencies()) {
                LatencyResult fp32 = m.latency(InferenceEngine.ONNXRUNTIME.id(), l.batch(), l.threads());
                md.append("| ").append(m.name()).append(" | ").append(l.batch()).append(" | ").append(l.threads())
                        .append(" | ").append(fp32 == null ? "-" : f2(fp32.medianMs())).append(" | ")
                        .append(f2(l.medianMs())).append(" | ")
                        .append(fp32 == null ? "-" : f2(m.int8Ratio(l.batch(), l.threads()))).append(" |\n");
            }
        }
    }

    private static void ranking(StringBuilder md, BenchmarkReport r) {
        HeadlineLatency h = HeadlineLatency.of(r);
        if (h == null) {
            return;
        }
        md.append("## Ranking by latency (").append(h.describe()).append(")\n\n");
        Top1Source top1 = Top1Source.of(r);
        int rank = 1;
        for (ModelResult m : h.ranking(r)) {
            Double t = top1.percent(m);
            md.append(rank++).append(". ").append(m.name()).append(": ").append(f2(h.of(m).medianMs())).append(" ms")
                    .append(t == null ? "" : ", " + f1(t) + " % " + (top1 == Top1Source.TRAINED ? "Top-1 (short training)"
                            : "published Top-1")).append('\n');
        }
        md.append('\n');
        Map<String, ModelResult> fastestPerFamily = new TreeMap<>();
        for (ModelResult m : h.ranking(r)) {
            fastestPerFamily.putIfAbsent(m.family(), m);
        }
        md.append("Fastest per family: ").append(fastestPerFamily.values().stream()
                .map(m -> m.name() + " " + f2(h.of(m).medianMs()) + " ms").collect(Collectors.joining(", ")))
                .append(".\n\n");
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String mb(long bytes) {
        return f2(bytes / 1048576.0);
    }

    static String pct(double fraction) {
        return f1(fraction * 100) + " %";
    }
}
