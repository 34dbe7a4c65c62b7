package io.jclas.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Forwards of an exported model through ONNX Runtime with a fixed intra-op thread count. */
public final class OrtRunner implements ForwardRunner {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final float[] input;
    private final long[] shape;

    /** Opens a session on {@code onnxFile} with all graph optimisations and {@code threads} intra-op threads. */
    public OrtRunner(Path onnxFile, int threads, float[] input, long[] shape) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(onnxFile.toString(), options);
        }
        inputName = session.getInputNames().iterator().next();
        this.input = input;
        this.shape = shape;
    }

    /** The ONNX Runtime version. */
    public static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    @Override
    public void forward() {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result out = session.run(Map.of(inputName, x))) {
            ((OnnxTensor) out.get(0)).getFloatBuffer();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime forward failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        }
    }
}
