package io.jclas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.jclas.data.Batch;
import io.jclas.data.DataLoader;
import io.jclas.zoo.Network;
import java.util.List;

/** Runs a network over an evaluation loader and measures it. */
final class Evaluator {
    private Evaluator() {}

    static EvalResult evaluate(Network net, NDManager manager, DataLoader loader, int classNum,
            List<String> classNames, TrainListener listener) {
        ClassificationMetrics metrics = new ClassificationMetrics(classNum);
        ClassificationLoss ce = new ClassificationLoss(classNum, 0, null);
        ParameterStore ps = new ParameterStore(manager, false);
        long start = System.nanoTime();
        int step = 0;
        int steps = loader.size();
        for (Batch b : loader) {
            // Every temporary of the batch lives in this sub-manager and is freed with it.
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w()));
                NDArray logits = net.forward(ps, new NDList(x), false).singletonOrThrow();
                float loss = ce.compute(logits, ClassificationLoss.oneHot(logits, b.labels(), classNum)).getFloat();
                metrics.add(logits.toFloatArray(), b.labels(), b.n(), loss);
            }
            listener.onEvalBatch(++step, steps);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return metrics.result(classNames, metrics.samples() / Math.max(seconds, 1e-9));
    }
}
