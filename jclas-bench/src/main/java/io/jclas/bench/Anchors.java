package io.jclas.bench;

import ai.onnxruntime.OrtException;
import io.jclas.model.InferenceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchors of one model, measured right after its own rows in the same run: every jclas latency
 * row against torchvision's network in PyTorch eager, jclas's ONNX Runtime classifier against the raw
 * session on the same model.onnx, and the training dimension against PyTorch eager training steps with
 * the same batch, input and threads. A failing anchor becomes a note, as a failing row does.
 */
final class Anchors {
    private final String model;
    private final BenchmarkOptions o;
    private final TorchAnchor torch;
    private final BenchmarkListener listener;
    private final List<String> notes;

    /** {@code torch} is null when the PyTorch anchor is not available. */
    Anchors(String model, BenchmarkOptions o, TorchAnchor torch, BenchmarkListener listener, List<String> notes) {
        this.model = model;
        this.o = o;
        this.torch = torch;
        this.listener = listener;
        this.notes = notes;
    }

    /** Each jclas fp32 row (pytorch and raw onnxruntime) over torchvision's forward at its batch and threads. */
    List<AnchorResult> torchLatencies(List<LatencyResult> rows) {
        if (!torchCovers()) {
            return List.of();
        }
        List<AnchorResult> out = new ArrayList<>();
        try {
            for (LatencyResult anchor : torch.latencies(model, o)) {
                for (InferenceEngine engine : o.engines()) {
                    LatencyResult jclas = find(rows, engine.id(), anchor.batch(), anchor.threads());
                    if (jclas != null) {
                        out.add(report(AnchorResult.of(AnchorResult.TORCH_EAGER, AnchorResult.LATENCY, engine.id(),
                                anchor.batch(), anchor.threads(), jclas.medianMs(), anchor.medianMs(),
                                TorchAnchor.note(model))));
                    }
                }
            }
        } catch (IllegalStateException e) {
            notes.add("PyTorch anchor latency: " + e.getMessage());
        }
        return out;
    }

    /**
     * jclas's classifier on a preprocessed tensor over a raw ONNX Runtime session on the same model.onnx
     * and input, their forwards interleaved (the raw row of the latency table ran earlier, alone).
     */
    List<AnchorResult> classifierOverRawOrt(Path modelDir) {
        int perImage = o.inputChannels() * o.inputSize() * o.inputSize();
        List<AnchorResult> out = new ArrayList<>();
        for (int batch : o.batchSizes()) {
            float[] input = MemoryProbe.randomInput(batch * perImage, batch);
            for (int threads : o.threads()) {
                long[] shape = {batch, o.inputChannels(), o.inputSize(), o.inputSize()};
                try (ForwardRunner bare = new OrtRunner(modelDir.resolve(InferenceFiles.MODEL), threads, input, shape);
                        ForwardRunner classifier = new ClassifierRunner(modelDir, threads, input, batch,
                                o.inputChannels(), o.inputSize())) {
                    double[][] ms = LatencyMeter.interleaved(List.of(bare, classifier), o.warmup(), o.iterations());
                    out.add(report(AnchorResult.of(AnchorResult.RAW_ORT, AnchorResult.LATENCY, "classifier", batch,
                            threads, Percentiles.median(ms[1]), Percentiles.median(ms[0]), "")));
                } catch (RuntimeException | OrtException e) {
                    notes.add("classifier vs raw ONNX Runtime, batch " + batch + " threads " + threads + ": "
                            + e.getMessage());
                }
            }
        }
        return out;
    }

    /**
     * jclas's training img/s (TrainingEngine with its data loader) over PyTorch eager training steps
     * on one batch in memory, with the setup the jclas run trained with.
     */
    List<AnchorResult> torchTraining(TrainingResult training) {
        if (!torchCovers()) {
            return List.of();
        }
        TrainingResult.Setup s = training.setup();
        try {
            double reference = torch.trainImagesPerSecond(model, s, o.warmup(), o.iterations());
            String note = (TorchAnchor.note(model).isEmpty() ? "" : TorchAnchor.note(model) + "; ")
                    + "jclas reads its data loader, PyTorch one batch in memory";
            return List.of(report(AnchorResult.of(AnchorResult.TORCH_EAGER, AnchorResult.TRAINING, "training",
                    s.batch(), s.threads(), training.imagesPerSecond(), reference, note)));
        } catch (IllegalStateException e) {
            notes.add("PyTorch anchor training: " + e.getMessage());
            return List.of();
        }
    }

    private boolean torchCovers() {
        return torch != null && TorchAnchor.covers(model);
    }

    private AnchorResult report(AnchorResult r) {
        listener.onAnchor(model, r);
        return r;
    }

    private static LatencyResult find(List<LatencyResult> rows, String engine, int batch, int threads) {
        return rows.stream().filter(r -> r.engine().equals(engine) && r.batch() == batch && r.threads() == threads)
                .findFirst().orElse(null);
    }
}
