package io.jclas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * report.csv: one row per model and latency setting (a model without latencies gets one row with
 * empty latency columns), every dimension repeated on each row so the file filters and pivots.
 */
public final class CsvReport {
    static final List<String> HEADER = List.of("model", "family", "params", "flops", "npz_bytes", "onnx_bytes",
            "rss_pytorch_bytes", "rss_onnxruntime_bytes", "activation_bytes", "published_top1", "train_epochs",
            "train_images", "train_seconds_per_epoch", "train_images_per_second", "train_top1", "engine", "batch",
            "threads", "median_ms", "p90_ms", "gflops", "floor_ratio", "spread_ms");

    private CsvReport() {}

    public static String render(BenchmarkReport r) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (ModelResult m : r.models()) {
            List<Object> model = new ArrayList<>(List.of(m.name(), m.family(), m.params(), m.flops(), m.npzBytes()));
            model.add(m.onnxBytes());
            model.add(m.rssBytes().get(InferenceEngine.PYTORCH.id()));
            model.add(m.rssBytes().get(InferenceEngine.ONNXRUNTIME.id()));
            model.add(m.activationBytes());
            model.add(m.publishedTop1());
            TrainingResult t = m.training();
            model.addAll(t == null ? nulls(5)
                    : List.of(t.epochs(), t.images(), t.secondsPerEpoch(), t.imagesPerSecond(), t.top1()));
            if (m.latencies().isEmpty()) {
                line(csv, model, nulls(8));
            }
            for (LatencyResult l : m.latencies()) {
                List<Object> lat = new ArrayList<>(List.of(l.engine(), l.batch(), l.threads(), l.medianMs(), l.p90Ms(),
                        l.gflops()));
                lat.add(l.floorRatio());
                lat.add(l.spreadMs());
                line(csv, model, lat);
            }
        }
        return csv.toString();
    }

    private static List<Object> nulls(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    private static void line(StringBuilder csv, List<Object> a, List<Object> b) {
        List<String> cells = new ArrayList<>();
        a.forEach(v -> cells.add(cell(v)));
        b.forEach(v -> cells.add(cell(v)));
        csv.append(String.join(",", cells)).append('\n');
    }

    /** A CSV cell: empty for null, plain numbers, quoted text where it holds a comma or quote. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
