package io.jclas.bench.recommend;

import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against measured latency, one marker series per family, the Pareto front (no other
 * candidate is both faster and more accurate) as a line, the latency budget as a vertical line
 * and the pick ringed.
 */
final class ParetoPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private ParetoPlot() {}

    /** Writes the plot to the options' plot file; returns it, or null when no candidate has an accuracy. */
    static Path write(List<Candidate> candidates, Selection.Result selection, RecommendOptions o) {
        Budget budget = o.budget();
        List<Candidate> plotted = candidates.stream().filter(Candidate::hasAccuracy).toList();
        if (plotted.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Accuracy vs latency measured here: %dx%d, batch %d, %d thread(s)",
                        o.inputSize(), o.inputSize(), o.batch(), o.threads()))
                .xAxisTitle("latency (ms)").yAxisTitle(o.accuracy().label() + " (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(true); // light models and ResNets differ by 10-100x
        chart.getStyler().setMarkerSize(9);
        Map<String, List<Candidate>> byFamily = new LinkedHashMap<>();
        plotted.forEach(c -> byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c));
        byFamily.forEach((family, cs) -> chart.addSeries(family, x(cs), y(cs)));
        List<Candidate> front = front(plotted);
        chart.addSeries("Pareto front", x(front), y(front)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line)
                .setMarker(SeriesMarkers.NONE);
        if (budget.hasLatency()) {
            double lo = plotted.stream().mapToDouble(Candidate::top1).min().orElseThrow() * 100;
            double hi = plotted.stream().mapToDouble(Candidate::top1).max().orElseThrow() * 100;
            chart.addSeries("budget " + Budget.number(budget.latencyMs()) + " ms",
                    new double[] {budget.latencyMs(), budget.latencyMs()}, new double[] {lo, hi})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        }
        if (selection.pick() != null) {
            chart.addSeries("pick: " + selection.pick().label(), x(List.of(selection.pick())),
                    y(List.of(selection.pick()))).setMarker(SeriesMarkers.CIRCLE);
        }
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(o.plot(), out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + o.plot(), e);
        }
        return o.plot();
    }

    /** The candidates no other one beats in both latency and accuracy, fastest first. */
    static List<Candidate> front(List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates.stream().sorted(Comparator.comparingDouble(Candidate::latencyMs)).toList()) {
            if (c.top1() > best) {
                out.add(c);
                best = c.top1();
            }
        }
        return out;
    }

    private static double[] x(List<Candidate> cs) {
        return cs.stream().mapToDouble(Candidate::latencyMs).toArray();
    }

    private static double[] y(List<Candidate> cs) {
        return cs.stream().mapToDouble(c -> 100 * c.top1()).toArray();
    }
}
