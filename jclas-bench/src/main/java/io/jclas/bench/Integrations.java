package io.jclas.bench;

import io.jclas.onnx.OnnxExporter;

/**
 * The parts of jclas the benchmark drives but does not own: the ONNX exporter (module jclas-onnx)
 * and the training engine (io.jclas.train, through {@link EngineTrainingRunner}). Each is one
 * method so the benchmark's own tests can replace them.
 */
final class Integrations {
    private Integrations() {}

    static OnnxExport onnxExport() {
        return OnnxExporter::export;
    }

    static TrainingRunner trainingRunner() {
        return new EngineTrainingRunner();
    }
}
