package io.jclas.train;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Dataset;
import java.util.List;
import java.util.Map;

/** The training loss of PaddleClas's {@code Loss.Train} list (CELoss) and jclas's {@code Distillation}. */
final class Losses {
    private Losses() {}

    /**
     * The CELoss of {@code Loss.Train} (epsilon = label smoothing; jclas's {@code class_weight}: a list
     * or {@code auto}, inverse label frequency in {@code train}). Without a Loss section: plain CE.
     */
    static ClassificationLoss trainLoss(Config config, int classNum, Dataset train) {
        Map<String, Object> ce = celoss(config);
        double epsilon = ce == null ? 0 : Config.of(ce).getDouble("epsilon", 0);
        Object cw = ce == null ? null : ce.get("class_weight");
        float[] weights = null;
        if ("auto".equals(cw)) {
            int[] counts = new int[classNum];
            for (int i = 0; i < train.size(); i++) {
                int label = train.label(i);
                if (label >= 0 && label < classNum) {
                    counts[label]++;
                }
            }
            weights = ClassificationLoss.balancedWeights(counts);
        } else if (cw instanceof List<?> list) {
            if (list.size() != classNum) {
                throw new JclasException("Loss.Train CELoss.class_weight has " + list.size() + " values for "
                        + classNum + " classes", "give one weight per class, or class_weight: auto");
            }
            weights = new float[classNum];
            for (int i = 0; i < classNum; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new JclasException("Loss.Train CELoss.class_weight[" + i + "] is '" + list.get(i)
                            + "', expected a number", "write class_weight: [1.0, 2.0, ...] or auto");
                }
                weights[i] = n.floatValue();
            }
        } else if (cw != null) {
            throw new JclasException("Loss.Train CELoss.class_weight is '" + cw + "', expected a list or auto",
                    "write class_weight: auto or class_weight: [1.0, 2.0, ...]");
        }
        return new ClassificationLoss(classNum, epsilon, weights);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> celoss(Config config) {
        if (!config.has("Loss.Train")) {
            return null;
        }
        for (Object entry : config.getList("Loss.Train")) {
            if (entry instanceof Map<?, ?> m && m.containsKey("CELoss")) {
                Object v = m.get("CELoss");
                return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
            }
            String name = entry instanceof Map<?, ?> m ? String.valueOf(m.keySet()) : String.valueOf(entry);
            throw new JclasException("Loss.Train entry " + name + " is not supported",
                    "use CELoss (epsilon for label smoothing); distillation is configured in the Distillation section");
        }
        return null;
    }
}
