package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.train.EvalResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Evaluates an inference directory on a labelled image set on Spark: each partition measures its
 * images with {@link io.jclas.train.ClassificationMetrics} (what {@code jclas eval} measures with), and
 * the parts are added up, so the result is the one a single JVM gets on the same images.
 */
public final class SparkEvaluator {
    private SparkEvaluator() {}

    /** Evaluates an image folder or file list loaded by {@link LabelledImages}. */
    public static SparkEvaluation evaluate(LabelledImages data, Path inferenceDir, SparkOptions options) {
        return evaluate(data.rows(), data.classNames(), inferenceDir, options);
    }

    /**
     * @param labelled rows with the path column, an int {@code label} column (class id) and either the
     *     content column (encoded images) or none, in which case each path is read as a local file
     * @param classNames the data set's class names by id; when the model's labels.txt names each of
     *     them, labels are matched by name (a folder order that differs from the training's does not
     *     shift the class ids), else taken as the model's class ids, as {@code jclas eval} takes them
     */
    public static SparkEvaluation evaluate(Dataset<Row> labelled, List<String> classNames, Path inferenceDir,
            SparkOptions options) {
        ModelFiles model = ModelFiles.read(inferenceDir);
        List<String> labels = model.labels();
        int classes = labels.isEmpty() ? classNames.size() : labels.size();
        if (classNames.size() > classes) {
            throw new JclasException("the data set has " + classNames.size() + " classes, the model " + classes,
                    "evaluate with the model trained on these classes (its labels.txt lists them)");
        }
        int[] toModel = modelClassIds(classNames, labels);
        List<String> names = labels.isEmpty() ? classNames : labels;
        int path = JobSetup.field(labelled, options.pathColumn(), "the image's name");
        int label = JobSetup.field(labelled, LabelledImages.LABEL, "the class id");
        int content = JobSetup.contentField(labelled, options);
        PartitionScorer scorer = JobSetup.scorer(labelled.sparkSession(), model, options, classes);
        long start = System.nanoTime();
        // a tree of merges: the parts (each a classes x classes confusion matrix) do not all travel to the driver
        EvalPart total = JobSetup.partitioned(labelled, options).javaRDD()
                .mapPartitions(rows -> List.of(EvalPart.of(scorer.score(rows, path, content), path, label, toModel, classes)).iterator())
                .treeAggregate(new EvalPart(classes), EvalPart::merge, EvalPart::merge, 2);
        if (total.metrics().samples() == 0 && total.failed() == 0) {
            throw new JclasException("no images to evaluate", "give a data set with at least one labelled image");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EvalResult result = total.metrics().result(names, total.metrics().samples() / Math.max(seconds, 1e-9));
        return new SparkEvaluation(result, total.failed(), total.failures());
    }

    /**
     * The model's class id of each data set class id: by name when the model's labels name every
     * class of the data set, else the same id.
     */
    static int[] modelClassIds(List<String> classNames, List<String> labels) {
        int[] ids = new int[classNames.size()];
        boolean byName = !labels.isEmpty() && labels.containsAll(classNames);
        for (int c = 0; c < ids.length; c++) {
            ids[c] = byName ? labels.indexOf(classNames.get(c)) : c;
        }
        return ids;
    }
}
