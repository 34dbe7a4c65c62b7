package io.jclas.spark;

import io.jclas.infer.Prediction;
import io.jclas.train.ClassificationMetrics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What one partition of an evaluation measured; the parts are merged on the driver. */
final class EvalPart implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Failures named in the result; the count covers all of them. */
    static final int NAMED_FAILURES = 10;

    private final int classes;
    private final ClassificationMetrics metrics;
    private final List<String> failures = new ArrayList<>();
    private long failed;

    EvalPart(int classes) {
        this.classes = classes;
        this.metrics = new ClassificationMetrics(classes);
    }

    /**
     * Measures the scored rows of one partition; {@code labelField} holds each row's data set class
     * id, {@code toModel} the model's id of each.
     */
    static EvalPart of(Iterator<Scored> scored, int pathField, int labelField, int[] toModel, int classes) {
        EvalPart part = new EvalPart(classes);
        scored.forEachRemaining(s -> part.add(s, pathField, labelField, toModel));
        return part;
    }

    private void add(Scored s, int pathField, int labelField, int[] toModel) {
        String path = s.row().getString(pathField);
        if (s.error() != null) {
            // errors of files read from their path name the file already
            fail(s.error().startsWith(path) ? s.error() : path + ": " + s.error());
            return;
        }
        int given = s.row().isNullAt(labelField) ? -1 : s.row().getInt(labelField);
        if (given < 0 || given >= toModel.length) {
            fail(path + ": label " + (given < 0 ? "missing" : given) + " is not a class id of the data set (0.."
                    + (toModel.length - 1) + ")");
            return;
        }
        int label = toModel[given];
        // predictions cover every class (top-k with k = classes); softmax keeps the logits' order,
        // so ranks, top-k hits and the confusion matrix are those of the logits
        float[] scores = new float[classes];
        for (Prediction p : s.predictions()) {
            scores[p.classId()] = p.score();
        }
        double crossEntropy = -Math.log(Math.max(scores[label], Float.MIN_NORMAL));
        metrics.add(scores, new int[] {label}, 1, crossEntropy);
    }

    private void fail(String why) {
        failed++;
        if (failures.size() < NAMED_FAILURES) {
            failures.add(why);
        }
    }

    EvalPart merge(EvalPart other) {
        metrics.merge(other.metrics);
        failed += other.failed;
        for (String f : other.failures) {
            if (failures.size() < NAMED_FAILURES) {
                failures.add(f);
            }
        }
        return this;
    }

    ClassificationMetrics metrics() {
        return metrics;
    }

    long failed() {
        return failed;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
