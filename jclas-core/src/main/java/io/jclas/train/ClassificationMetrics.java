package io.jclas.train;

import java.io.Serializable;
import java.util.List;

/**
 * Accumulates top-1 and top-5 accuracy (PaddleClas TopkAcc with topk [1, 5]; k is capped at the class
 * count), a confusion matrix and the loss over evaluation batches. Serializable and mergeable, so that
 * parts of a data set can be measured apart (Spark partitions) and added up.
 */
public final class ClassificationMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int classNum;
    private final int[] topk;
    private final long[] hits;
    private final long[][] confusion;
    private double lossSum;
    private long samples;

    public ClassificationMetrics(int classNum) {
        this.classNum = classNum;
        this.topk = new int[] {1, Math.min(5, classNum)};
        hits = new long[topk.length];
        confusion = new long[classNum][classNum];
    }

    /**
     * Adds a batch of logits [n, classNum] (row-major) with their labels and the batch's mean loss.
     */
    public void add(float[] logits, int[] labels, int n, double meanLoss) {
        for (int i = 0; i < n; i++) {
            int off = i * classNum;
            int label = labels[i];
            float target = logits[off + label];
            int rank = 0;
            int best = 0;
            for (int k = 0; k < classNum; k++) {
                float v = logits[off + k];
                // Ties rank below the label only when they come first, as a stable sort would.
                if (v > target || (v == target && k < label)) {
                    rank++;
                }
                if (v > logits[off + best]) {
                    best = k;
                }
            }
            for (int t = 0; t < topk.length; t++) {
                if (rank < topk[t]) {
                    hits[t]++;
                }
            }
            confusion[label][best]++;
        }
        lossSum += meanLoss * n;
        samples += n;
    }

    /** Adds what {@code other} measured (same class count) to this; returns this. */
    public ClassificationMetrics merge(ClassificationMetrics other) {
        if (other.classNum != classNum) {
            throw new IllegalArgumentException("cannot merge metrics of " + other.classNum + " classes into " + classNum);
        }
        for (int t = 0; t < hits.length; t++) {
            hits[t] += other.hits[t];
        }
        for (int c = 0; c < classNum; c++) {
            for (int p = 0; p < classNum; p++) {
                confusion[c][p] += other.confusion[c][p];
            }
        }
        lossSum += other.lossSum;
        samples += other.samples;
        return this;
    }

    public long samples() {
        return samples;
    }

    /** Top-1 accuracy so far. */
    public double top1() {
        return accuracy(0);
    }

    /** The result so far. */
    public EvalResult result(List<String> classNames, double imagesPerSecond) {
        double[] p = new double[classNum];
        double[] r = new double[classNum];
        double[] f = new double[classNum];
        for (int c = 0; c < classNum; c++) {
            long tp = confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int o = 0; o < classNum; o++) {
                predicted += confusion[o][c];
                actual += confusion[c][o];
            }
            p[c] = predicted == 0 ? 0 : tp / (double) predicted;
            r[c] = actual == 0 ? 0 : tp / (double) actual;
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
        }
        long[][] copy = new long[classNum][];
        for (int c = 0; c < classNum; c++) {
            copy[c] = confusion[c].clone();
        }
        return new EvalResult(accuracy(0), accuracy(1), samples == 0 ? 0 : lossSum / samples, p, r, f, copy,
                classNames, samples, imagesPerSecond);
    }

    private double accuracy(int index) {
        return samples == 0 ? 0 : hits[index] / (double) samples;
    }
}
