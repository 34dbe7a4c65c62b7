package io.jclas.infer;

import io.jclas.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * The post-processing every classifier shares: softmax over each row of a [N, K] output, then the
 * k best classes (PaddleClas's {@code Topk}). One implementation, so that every runtime ranks and
 * scores alike.
 */
public final class TopK {
    private TopK() {}

    /**
     * Top-k of each row of a row-major [rows, classes] output.
     *
     * @param alreadyProbabilities true when the model ends in a softmax (some foreign exports),
     *     so the values are scores as they are
     */
    public static List<List<Prediction>> rows(
            float[] output, int rows, int classes, int k, List<String> labels, boolean alreadyProbabilities) {
        List<List<Prediction>> out = new ArrayList<>(rows);
        float[] row = new float[classes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(output, r * classes, row, 0, classes);
            if (!alreadyProbabilities) {
                softmaxInPlace(row);
            }
            out.add(best(row, k, labels));
        }
        return out;
    }

    /** Softmax of a row, computed in double after subtracting the maximum (stable for large logits). */
    public static void softmaxInPlace(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            e[i] = Math.exp(row[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (e[i] / sum);
        }
    }

    /**
     * True when every row is already a probability distribution (values in [0, 1] summing to 1
     * within 1e-3): a foreign model that ends in a softmax.
     */
    public static boolean looksLikeProbabilities(float[] output, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                float v = output[r * classes + c];
                if (v < 0f || v > 1f) {
                    return false;
                }
                sum += v;
            }
            if (Math.abs(sum - 1.0) > 1e-3) {
                return false;
            }
        }
        return true;
    }

    /** The k highest scores of one row, best first; ties go to the lower class id. */
    static List<Prediction> best(float[] scores, int k, List<String> labels) {
        int n = Math.min(Math.max(k, 1), scores.length);
        int[] ids = new int[n];
        int filled = 0;
        for (int c = 0; c < scores.length; c++) {
            // insertion into a sorted array of at most k ids: k is small (1..10), classes may be 1000s
            if (filled < n || scores[c] > scores[ids[filled - 1]]) {
                int pos = filled < n ? filled++ : n - 1;
                while (pos > 0 && scores[c] > scores[ids[pos - 1]]) {
                    ids[pos] = ids[pos - 1];
                    pos--;
                }
                ids[pos] = c;
            }
        }
        List<Prediction> out = new ArrayList<>(n);
        for (int id : ids) {
            out.add(new Prediction(id, Labels.name(labels, id), scores[id]));
        }
        return out;
    }
}
