package io.jclas.cli;

import io.jclas.JclasException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jclas spark}: the image-set commands that run on Apache Spark; lists them when called alone. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Classify or evaluate image sets on Apache Spark (embedded local[*] by default).",
            "The same jobs run on a cluster with spark-submit and the shaded jar (docs/spark.md)."},
        subcommands = {SparkPredictCommand.class, SparkEvalCommand.class, SparkBenchmarkCommand.class})
final class SparkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Fails clearly when Spark is not on the class path: the launcher adds jclas-cli/target/spark-lib
     * only for {@code jclas spark}, so that the other commands start without Spark's jars.
     */
    static void requireSpark() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new JclasException("Apache Spark is not on the class path",
                    "run `./jclas spark ...` (the launcher adds jclas-cli/target/spark-lib) or use spark-submit (docs/spark.md)");
        }
    }
}
