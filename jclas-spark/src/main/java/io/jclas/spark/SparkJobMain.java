package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.train.EvalResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The main class of the shaded jar, for spark-submit (which sets the master and the cluster's
 * settings): the jobs of {@code jclas spark predict} and {@code jclas spark eval} with their options
 * of the same names.
 *
 * <pre>
 * spark-submit --class io.jclas.spark.SparkJobMain jclas-spark-VERSION-spark-submit.jar \
 *     predict --model DIR --input hdfs:///images --output hdfs:///classes.parquet [--format parquet] [--batch 32] [--topk 5] [--partitions N]
 * spark-submit ... eval --model DIR --input DIR|LIST [--batch 32] [--partitions N]
 * </pre>
 */
public final class SparkJobMain {
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "predict", Set.of("--model", "--input", "--output", "--format", "--batch", "--topk", "--partitions", "--threads"),
            "eval", Set.of("--model", "--input", "--batch", "--partitions", "--threads"));

    private SparkJobMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (JclasException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("hint: " + e.getHint());
            System.exit(2);
        }
    }

    static void run(String[] args) {
        if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
            throw new JclasException("expected the job, predict or eval, as the first argument",
                    "spark-submit --class io.jclas.spark.SparkJobMain JAR predict --model DIR --input PATH --output OUT");
        }
        Map<String, String> o = options(args, OPTIONS.get(args[0]));
        SparkOptions options = SparkOptions.defaults()
                .withBatch(number(o, "--batch", 32))
                .withTopk(number(o, "--topk", 5))
                .withThreads(number(o, "--threads", 0))
                .withPartitions(number(o, "--partitions", 0));
        int partitions = options.partitions();
        Path model = Path.of(required(o, "--model"));
        SparkSession spark = SparkSession.builder().appName("jclas " + args[0]).getOrCreate();
        try {
            if (args[0].equals("predict")) {
                OutputFormat format = OutputFormat.of(o.getOrDefault("--format", "parquet"));
                Dataset<Row> images = SparkImages.load(spark, List.of(required(o, "--input").split(",")), partitions);
                SparkClassifier.Written w = SparkClassifier.write(SparkClassifier.predict(images, model, options),
                        required(o, "--output"), format);
                System.out.printf(Locale.ROOT, "%d images classified, %d with an error -> %s%n",
                        w.images() - w.failed(), w.failed(), o.get("--output"));
            } else {
                SparkEvaluation e = SparkEvaluator.evaluate(
                        LabelledImages.load(spark, Path.of(required(o, "--input")), partitions), model, options);
                EvalResult r = e.result();
                System.out.printf(Locale.ROOT, "top1 %.4f  top5 %.4f  loss %.4f  (%d images, %d left out)%n",
                        r.top1(), r.top5(), r.loss(), r.samples(), e.failed());
                e.failures().forEach(f -> System.out.println("  " + f));
            }
        } finally {
            spark.stop();
        }
    }

    private static Map<String, String> options(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                throw new JclasException("unknown option or missing value: " + args[i], "options of " + args[0] + ": " + known);
            }
            values.put(args[i], args[i + 1]);
        }
        return values;
    }

    private static int number(Map<String, String> values, String name, int otherwise) {
        String v = values.get(name);
        try {
            return v == null ? otherwise : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new JclasException(name + " is '" + v + "', expected a whole number", "e.g. " + name + " " + otherwise);
        }
    }

    private static String required(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null) {
            throw new JclasException("missing option " + name, "pass " + name + " VALUE");
        }
        return v;
    }
}
