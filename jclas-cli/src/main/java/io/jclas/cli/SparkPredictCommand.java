package io.jclas.cli;

import io.jclas.spark.OutputFormat;
import io.jclas.spark.SparkClassifier;
import io.jclas.spark.SparkImages;
import io.jclas.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas spark predict}: top-k classes of every image of a folder or list, written by Spark. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify an image set on Spark with an inference directory.",
            "Writes path, label, class_id, score, topk and error (null unless the image could not be",
            "decoded) per image; a bad image gets an error, the job goes on."})
final class SparkPredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Inference directory (from `jclas export`).")
    Path model;

    @Option(names = "--input", paramLabel = "DIR|LIST", required = true, arity = "1..*",
            description = "Image folders (searched recursively; any filesystem Spark reads), image files, "
                    + "or list files (.txt, one image per line, as `jclas predict` takes them).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "OUT", required = true,
            description = "Where Spark writes the result (a folder of part files; must not exist).")
    String output;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "parquet",
            description = "parquet, csv (topk as JSON text) or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--topk", paramLabel = "K", defaultValue = "5", description = "Classes per image (default: ${DEFAULT-VALUE}).")
    int topk;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        SparkCommand.requireSpark();
        OutputFormat fmt = OutputFormat.of(format);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        SparkSession spark = SparkSessions.start(job.master);
        try {
            SparkClassifier.Written w = SparkClassifier.write(
                    SparkClassifier.predict(SparkImages.load(spark, inputs, job.partitions), model,
                            job.options().withTopk(topk)),
                    output, fmt);
            out.printf(Locale.ROOT, "%d images classified, %d with an error, in %.1f s -> %s (%s)%n",
                    w.images() - w.failed(), w.failed(), (System.nanoTime() - start) / 1e9, output, fmt.name().toLowerCase(Locale.ROOT));
        } finally {
            spark.stop();
        }
        return 0;
    }
}
