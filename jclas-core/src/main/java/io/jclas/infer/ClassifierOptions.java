package io.jclas.infer;

import io.jclas.data.transform.Preprocessing;

/**
 * @param engine "onnxruntime" (default for an inference directory) or "pytorch" (checkpoints)
 * @param threads intra-op threads; 0 = the runtime's default
 * @param device "cpu" or "gpu"/"gpu:N" where the runtime has one
 * @param preprocess overrides the directory's preprocessing (foreign ONNX models); null = from the directory
 */
public record ClassifierOptions(String engine, int threads, String device, Preprocessing preprocess) {
    public static ClassifierOptions defaults() {
        return new ClassifierOptions("auto", 0, "cpu", null);
    }

    public ClassifierOptions withEngine(String e) {
        return new ClassifierOptions(e, threads, device, preprocess);
    }

    public ClassifierOptions withThreads(int t) {
        return new ClassifierOptions(engine, t, device, preprocess);
    }

    public ClassifierOptions withDevice(String d) {
        return new ClassifierOptions(engine, threads, d, preprocess);
    }

    public ClassifierOptions withPreprocess(Preprocessing p) {
        return new ClassifierOptions(engine, threads, device, p);
    }
}
