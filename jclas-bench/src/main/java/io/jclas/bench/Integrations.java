package io.jclas.bench;

/**
 * The parts of jclas the benchmark drives but does not own: the ONNX exporter (module jclas-onnx)
 * and the training engine (io.jclas.train). Each is one method so the benchmark stays testable
 * without them.
 */
final class Integrations {
    private Integrations() {}

    static OnnxExport onnxExport() {
        return (net, channels, size, file) -> {
            throw new UnsupportedOperationException("io.jclas.onnx.OnnxExporter is not in this build yet");
        };
    }

    static TrainingRunner trainingRunner() {
        return (model, options, listener) -> {
            throw new UnsupportedOperationException("io.jclas.train.Engine is not in this build yet");
        };
    }
}
