package io.jclas.cli;

import io.jclas.spark.LabelledImages;
import io.jclas.spark.SparkEvaluation;
import io.jclas.spark.SparkEvaluator;
import io.jclas.spark.SparkSessions;
import io.jclas.train.EvalResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas spark eval}: top-1/top-5, per-class metrics and the confusion matrix of a labelled set, on Spark. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate an inference directory on a labelled image set on Spark.",
            "Input: an ImageFolder (one sub-folder per class) or a PaddleClas file list",
            "('relative/path.jpg label' lines). Prints what `jclas eval` prints."})
final class SparkEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Inference directory (from `jclas export`).")
    Path model;

    @Option(names = "--input", paramLabel = "DIR|LIST", required = true,
            description = "ImageFolder, or a file list (local or network-mounted: the executors read the files).")
    Path input;

    @Option(names = "--image-root", paramLabel = "DIR",
            description = "With a file list: the folder its paths are relative to (default: the list's folder).")
    Path imageRoot;

    @Option(names = "--class-map", paramLabel = "FILE", description = "With a file list: 'id name' lines naming the classes.")
    Path classMap;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write per_class.csv, confusion.csv and confusion.png there.")
    Path report;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        SparkCommand.requireSpark();
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.start(job.master);
        SparkEvaluation e;
        try {
            LabelledImages data = imageRoot == null && classMap == null
                    ? LabelledImages.load(spark, input, job.partitions)
                    : LabelledImages.fileList(spark, imageRoot != null ? imageRoot : input.toAbsolutePath().getParent(),
                            input, classMap, " ", job.partitions);
            e = SparkEvaluator.evaluate(data, model, job.options());
        } finally {
            spark.stop();
        }
        EvalResult r = e.result();
        out.printf(Locale.ROOT, "top1 %.4f  top5 %.4f  loss %.4f  (%d images, %.1f img/s)%n",
                r.top1(), r.top5(), r.loss(), r.samples(), r.imagesPerSecond());
        EvalCommand.printPerClass(r, out);
        if (e.failed() > 0) {
            out.println();
            out.println(e.failed() + " image(s) left out:");
            e.failures().forEach(f -> out.println("  " + f));
        }
        if (report != null) {
            EvalCommand.writeReport(r, report, out);
        }
        return 0;
    }
}
