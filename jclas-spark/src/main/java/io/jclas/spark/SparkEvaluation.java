package io.jclas.spark;

import io.jclas.train.EvalResult;
import java.util.List;

/**
 * An evaluation on Spark.
 *
 * @param result top-1, top-5, cross-entropy, per-class metrics and the confusion matrix of the images
 *     that could be classified, as {@code jclas eval} reports them
 * @param failed images left out because they could not be read, decoded or classified
 * @param failures the first of those, each as {@code path: why}
 */
public record SparkEvaluation(EvalResult result, long failed, List<String> failures) {}
