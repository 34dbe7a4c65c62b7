package io.jclas.bench;

import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's PNG plots (XChart), each written atomically. */
public final class Plots {
    public static final String TOP1_VS_LATENCY = "top1_vs_latency.png";
    public static final String LATENCY_VS_FLOPS = "latency_vs_flops.png";
    public static final String PARAMS = "params.png";
    public static final String FILE_SIZE = "file_size.png";
    public static final String MEMORY = "memory.png";
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private Plots() {}

    /** Writes every plot the report has data for into {@code dir}; returns their file names. */
    public static List<String> write(BenchmarkReport r, Path dir) {
        List<String> written = new ArrayList<>();
        HeadlineLatency h = HeadlineLatency.of(r);
        if (h != null) {
            Top1Source top1 = Top1Source.of(r);
            List<ModelResult> withBoth = h.ranking(r).stream().filter(m -> top1.percent(m) != null).toList();
            if (!withBoth.isEmpty()) {
                save(familyLines("Top-1 vs latency (" + h.describe() + ")", "latency (ms)", top1.label(), withBoth,
                        m -> h.of(m).medianMs(), m -> top1.percent(m)), dir, TOP1_VS_LATENCY, written);
            }
            save(familyLines("Latency vs FLOPs (" + h.describe() + ")", "MFLOPs", "latency (ms)", h.ranking(r),
                    m -> m.flops() / 1e6, m -> h.of(m).medianMs()), dir, LATENCY_VS_FLOPS, written);
        }
        save(bars("Parameters", "M", r.models(), Map.of("params", m -> m.params() / 1e6)), dir, PARAMS, written);
        Map<String, Function<ModelResult, Double>> files = new LinkedHashMap<>();
        files.put("model.npz", m -> m.npzBytes() / 1048576.0);
        if (r.models().stream().anyMatch(m -> m.onnxBytes() != null)) {
            files.put("model.onnx", m -> m.onnxBytes() == null ? 0.0 : m.onnxBytes() / 1048576.0);
        }
        save(bars("Model file size", "MB", r.models(), files), dir, FILE_SIZE, written);
        Map<String, Function<ModelResult, Double>> memory = new LinkedHashMap<>();
        for (String engine : r.settings().engines()) {
            if (r.models().stream().anyMatch(m -> m.rssBytes().containsKey(engine))) {
                memory.put("RSS " + engine, m -> m.rssBytes().getOrDefault(engine, 0L) / 1048576.0);
            }
        }
        memory.put("activations", m -> m.activationBytes() / 1048576.0);
        save(bars("Inference memory, batch 1", "MB", r.models(), memory), dir, MEMORY, written);
        return written;
    }

    /** One line per family through its models sorted by x, as the seed's accuracy/latency plot. */
    private static XYChart familyLines(String title, String xTitle, String yTitle, List<ModelResult> models,
            ToDoubleFunction<ModelResult> x, ToDoubleFunction<ModelResult> y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true); // light models and ResNets differ by 10-100x
        Map<String, List<ModelResult>> byFamily = new LinkedHashMap<>();
        models.forEach(m -> byFamily.computeIfAbsent(m.family(), k -> new ArrayList<>()).add(m));
        byFamily.forEach((family, ms) -> {
            List<ModelResult> sorted = ms.stream().sorted(Comparator.comparingDouble(x)).toList();
            chart.addSeries(family, sorted.stream().mapToDouble(x).toArray(), sorted.stream().mapToDouble(y).toArray());
        });
        return chart;
    }

    private static CategoryChart bars(String title, String yTitle, List<ModelResult> models,
            Map<String, Function<ModelResult, Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLegendVisible(series.size() > 1);
        List<String> names = models.stream().map(ModelResult::name).toList();
        series.forEach((name, f) -> chart.addSeries(name, names, models.stream().map(f).toList()));
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path dir, String file, List<String> written) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(dir.resolve(file), out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file, e);
        }
        written.add(file);
    }
}
