package io.jclas.bench;

import static io.jclas.bench.MarkdownReport.f2;

import java.util.List;

/** The anchors section of report.md: each jclas figure next to its anchor and the ratio jclas / anchor. */
final class AnchorsReport {
    private AnchorsReport() {}

    static void render(StringBuilder md, BenchmarkReport r) {
        if (r.models().stream().allMatch(m -> m.anchors().isEmpty())) {
            return;
        }
        md.append("## 8. Anchors\n\n");
        md.append("Measured in the same run, at the same batch and threads. torch-eager: torchvision's network in "
                + "PyTorch eager (Python); raw-onnxruntime: a bare ONNX Runtime session on the same model.onnx, "
                + "against jclas's classifier on a preprocessed tensor. Latency: median ms, jclas / anchor above 1 is "
                + "slower; training: img/s, jclas / anchor above 1 is faster. A note says where the two sides differ.\n\n");
        md.append("| Model | Anchor | Measure | jclas side | Batch | Threads | jclas | Anchor | jclas / anchor | Note |\n"
                + "|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (ModelResult m : r.models()) {
            for (AnchorResult a : m.anchors()) {
                md.append("| ").append(String.join(" | ", List.of(m.name(), a.anchor(), a.measure(), a.engine(),
                        Integer.toString(a.batch()), Integer.toString(a.threads()), f2(a.jclas()), f2(a.reference()),
                        f2(a.ratio()), a.note().isEmpty() ? "-" : a.note()))).append(" |\n");
            }
        }
        md.append('\n');
    }
}
