package io.jclas.bench.recommend;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import io.jclas.JclasException;
import io.jclas.analysis.ModelProfile;
import io.jclas.analysis.ModelStats;
import io.jclas.analysis.Precision;
import io.jclas.bench.Benchmark;
import io.jclas.bench.BenchmarkOptions;
import io.jclas.bench.InferenceEngine;
import io.jclas.bench.Integrations;
import io.jclas.bench.Machine;
import io.jclas.bench.MemoryProbe;
import io.jclas.bench.OnnxExport;
import io.jclas.bench.OnnxQuantize;
import io.jclas.bench.OrtRunner;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code jclas recommend}: measures every candidate on this machine with ONNX Runtime (latency by
 * {@link RepeatedMedians}, memory by {@link MemoryProbe}), counts its FLOPs and memory access, and
 * picks the most accurate one within the budget ({@link Selection}); also tests how well FLOPs and
 * memory access predict the measured latency here ({@link LatencyPredictors}) and draws the
 * Pareto plot. Each architecture is measured once; its weight-variant aliases share the
 * measurement with their own accuracy.
 */
public final class Recommender {
    private static final int CHANNELS = 3;
    private static final int CLASSES = 1000;

    private final OnnxExport onnx;
    private final OnnxQuantize quantizer;

    public Recommender(OnnxExport onnx, OnnxQuantize quantizer) {
        this.onnx = onnx;
        this.quantizer = quantizer;
    }

    /** A recommender with jclas's ONNX exporter and int8 quantizer (the benchmark's, calibrated on random images). */
    public static Recommender standard() {
        return new Recommender(Integrations.onnxExport(), Integrations.onnxQuantize());
    }

    public RecommendReport run(RecommendOptions o, RecommendListener listener) {
        double loadBefore = LoadAverage.now();
        Map<String, List<ModelInfo>> byArchitecture = new LinkedHashMap<>();
        o.models().stream().map(Models::info)
                .forEach(i -> byArchitecture.computeIfAbsent(i.architecture(), a -> new ArrayList<>()).add(i));
        listener.onMessage(String.format(Locale.ROOT,
                "measuring %d architectures (%d names) at %dx%d, batch %d, %d thread(s), %s", byArchitecture.size(),
                o.models().size(), o.inputSize(), o.inputSize(), o.batch(), o.threads(),
                o.precisions().stream().map(Precision::id).collect(Collectors.joining(","))));
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<ModelInfo>> e : byArchitecture.entrySet()) {
            try {
                for (Candidate measured : measure(e.getKey(), o, listener)) {
                    for (ModelInfo info : e.getValue()) {
                        Candidate c = measured.as(info.name(), o.accuracy().top1(info));
                        listener.onCandidate(c);
                        candidates.add(c);
                    }
                }
            } catch (JclasException ex) {
                // an architecture that cannot take this input size is left out, not the whole run
                listener.onMessage("skipped " + e.getKey() + ": " + ex.getMessage());
            }
        }
        Selection.Result selection = Selection.select(candidates, o.budget());
        Path plot = ParetoPlot.write(candidates, selection, o);
        return new RecommendReport(Machine.describe(Map.of()), Math.max(loadBefore, LoadAverage.now()), o, candidates,
                selection, LatencyPredictors.of(candidates), plot);
    }

    /** One candidate per precision of one architecture. */
    private List<Candidate> measure(String architecture, RecommendOptions o, RecommendListener l) {
        int s = o.inputSize();
        Path work = workDir();
        try (NDManager manager = NDManager.newBaseManager()) {
            l.onStage(architecture, "export");
            Network net = Models.create(architecture, Benchmark.modelOptions(CLASSES, CHANNELS, s, o.smallInput()));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, CHANNELS, s, s));
            ModelProfile profile = ModelStats.profile(net, CHANNELS, s, s);
            Path fp32 = work.resolve("model.onnx");
            onnx.export(net, CHANNELS, s, fp32);
            List<Candidate> out = new ArrayList<>();
            for (Precision p : o.precisions()) {
                Path file = fp32;
                if (p == Precision.INT8) {
                    file = work.resolve("model-int8.onnx");
                    quantizer.quantize(fp32, CHANNELS, s, file);
                }
                out.add(measure(architecture, Models.info(architecture).family().title(), p, profile, file, o, l));
            }
            return out;
        } finally {
            Benchmark.deleteTree(work);
        }
    }

    private Candidate measure(String architecture, String family, Precision p, ModelProfile profile, Path file,
            RecommendOptions o, RecommendListener l) {
        int s = o.inputSize();
        l.onStage(architecture, "latency " + p.id());
        RepeatedMedians.Latency latency;
        float[] input = MemoryProbe.randomInput(o.batch() * CHANNELS * s * s, o.batch());
        try (OrtRunner runner = new OrtRunner(file, o.threads(), input, new long[] {o.batch(), CHANNELS, s, s})) {
            latency = o.protocol().measure(runner, o.budget().latencyMs());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open " + architecture + ": " + e.getMessage(), e);
        }
        long memory = -1;
        String note = "";
        if (o.budget().overLatency(latency)) {
            note = "memory not measured: over the latency budget";
        } else {
            l.onStage(architecture, "memory " + p.id());
            try {
                BenchmarkOptions probe = BenchmarkOptions.builder().setModels(List.of(architecture)).optInputSize(s)
                        .optInputChannels(CHANNELS).optClassNum(CLASSES).build();
                memory = MemoryProbe.measure(architecture, probe, InferenceEngine.ONNXRUNTIME, file);
            } catch (IllegalStateException e) {
                note = e.getMessage();
            }
        }
        return new Candidate(architecture, architecture, family, p, Double.NaN, profile.flops(),
                profile.memoryAccessBytes(p), latency.medianMs(), latency.spreadMs(), latency.stoppedEarly(), memory,
                note);
    }

    private static Path workDir() {
        try {
            return Files.createTempDirectory("jclas-recommend");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder", e);
        }
    }
}
