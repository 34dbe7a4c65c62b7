package io.jclas.onnx.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.jclas.data.Batch;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The top-1 classes of a graph on the holdout images, in ONNX Runtime with every optimisation on,
 * as {@code jclas predict} runs it: the int8 figures are those of the fused integer kernels.
 */
final class HoldoutCheck {
    private HoldoutCheck() {}

    /** The arg-max class of every holdout image, in order. */
    static int[] top1(ModelProto model, List<Batch> batches) {
        int total = batches.stream().mapToInt(Batch::n).sum();
        int[] classes = new int[total];
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toByteArray(), opts)) {
                String input = session.getInputNames().iterator().next();
                int at = 0;
                for (Batch b : batches) {
                    long[] shape = {b.n(), b.c(), b.h(), b.w()};
                    try (OnnxTensor x = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(),
                            FloatBuffer.wrap(b.images()), shape); OrtSession.Result r = session.run(Map.of(input, x))) {
                        float[][] logits = (float[][]) r.get(0).getValue();
                        for (float[] row : logits) {
                            classes[at++] = argMax(row);
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot run the holdout check: " + e.getMessage(), e);
        }
        return classes;
    }

    /** The fraction of {@code predicted} equal to {@code expected}. */
    static double agreement(int[] predicted, int[] expected) {
        int same = 0;
        for (int i = 0; i < predicted.length; i++) {
            same += predicted[i] == expected[i] ? 1 : 0;
        }
        return predicted.length == 0 ? 0 : (double) same / predicted.length;
    }

    /** The labels of the holdout images, in order. */
    static int[] labels(List<Batch> batches) {
        return batches.stream().flatMapToInt(b -> java.util.Arrays.stream(b.labels())).toArray();
    }

    private static int argMax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
