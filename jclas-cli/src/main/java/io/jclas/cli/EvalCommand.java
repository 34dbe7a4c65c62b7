package io.jclas.cli;

import io.jclas.config.Config;
import io.jclas.train.EvalReports;
import io.jclas.train.EvalResult;
import io.jclas.train.TrainingEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas eval}: top-1/top-5 and per-class metrics of a checkpoint on the config's Eval data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a checkpoint on the config's DataLoader.Eval data.",
            "Prints top-1, top-5, loss and per-class precision/recall/F1."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Checkpoint to evaluate (sets Global.pretrained_model; without -c its config.yaml is used).")
    Path model;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write per_class.csv, confusion.csv and confusion.png there.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config cfg = config.loadForModel(model, runtime);
        EvalResult r = TrainingEngine.evaluate(cfg, new ConsoleTrainListener(out, ProgressBar.interactive()));
        printPerClass(r, out);
        if (report != null) {
            writeReport(r, report, out);
        }
        return 0;
    }

    /** per_class.csv, confusion.csv and confusion.png in {@code report} (also for `jclas spark eval`). */
    static void writeReport(EvalResult r, Path report, PrintWriter out) {
        EvalReports.writePerClassCsv(r, report.resolve("per_class.csv"));
        EvalReports.writeConfusionCsv(r, report.resolve("confusion.csv"));
        EvalReports.writeConfusionPng(r, report.resolve("confusion.png"));
        out.println("report: " + report);
    }

    /** Per-class precision, recall, F1 and support, then the macro F1. */
    static void printPerClass(EvalResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
        for (int c = 0; c < r.classNames().size(); c++) {
            long support = 0;
            for (long v : r.confusion()[c]) {
                support += v;
            }
            out.printf(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %8d%n", r.classNames().get(c), r.precision()[c],
                    r.recall()[c], r.f1()[c], support);
        }
        out.printf(Locale.ROOT, "%-24s %29.4f%n", "macro F1", r.macroF1());
        out.flush();
    }
}
