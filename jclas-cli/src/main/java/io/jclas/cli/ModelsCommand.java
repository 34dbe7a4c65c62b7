package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.analysis.ModelStats;
import io.jclas.zoo.Family;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jclas models}: the zoo with measured params/MACs/FLOPs/memory access next to the published
 * figures, or one model's per-layer costs ({@code --layers}).
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the model zoo with counted params, MACs, FLOPs and memory access.",
            "FLOPs = 2 x MACs, the seed tables' convention; memory_access = elements read and written",
            "(the ShuffleNetV2 paper's memory-access cost). The published Top-1/Top-5, params and",
            "FLOPs follow, with our relative difference to them. Counting builds every model:",
            "the full list takes a while. NAME --layers prints one model's ops instead."})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these models (PaddleClas names).")
    List<String> names = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table, csv, md or json (default: ${DEFAULT-VALUE}).")
    ModelTable.Format format;

    @Option(names = "--family", paramLabel = "F", description = "Only this family, e.g. ResNet, MobileNetV3.")
    String family;

    @Option(names = "--layers", description = "Per-op table of one model: op, output shape, multiply-adds, "
            + "memory access, arithmetic intensity (FLOPs per fp32 byte).")
    boolean layers;

    @Override
    public void run() {
        if (layers) {
            printLayers();
            return;
        }
        List<ModelInfo> infos = selected();
        ModelCounter counter = new ModelCounter();
        PrintWriter out = spec.commandLine().getOut();
        // CSV rows are their own progress; the other formats wait for the last model
        Progress progress = new Progress(spec.commandLine().getErr(), infos.size(),
                format != ModelTable.Format.CSV && ProgressBar.interactive());
        List<ModelRow> rows = new ArrayList<>();
        if (format == ModelTable.Format.CSV) {
            out.println(ModelTable.csvHeader());
        }
        for (ModelInfo info : infos) {
            progress.show(rows.size(), info.name());
            ModelRow row = counter.count(info);
            rows.add(row);
            if (format == ModelTable.Format.CSV) {
                // streamed, so that `| head` shows rows at once; stop counting when the reader has gone
                out.println(ModelTable.csvRow(row));
                if (out.checkError()) {
                    return;
                }
            }
        }
        progress.clear();
        if (format != ModelTable.Format.CSV) {
            ModelTable.write(rows, format, out);
        }
    }

    private void printLayers() {
        if (names.size() != 1 || family != null) {
            throw new JclasException("--layers needs exactly one model name, got " + names.size(),
                    "name one model, e.g. ./jclas models ShuffleNetV2_x1_0 --layers");
        }
        ModelInfo info = Models.info(names.get(0));
        int size = info.inputSize();
        LayerTable.write(info, ModelStats.profile(ModelCounter.build(info), 3, size, size), format,
                spec.commandLine().getOut());
    }

    /** A one-line counter on a terminal's stderr; silent when stderr is not a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean on;

        Progress(PrintWriter err, int total, boolean on) {
            this.err = err;
            this.total = total;
            this.on = on;
        }

        void show(int done, String name) {
            if (on) {
                err.printf("\rcounting %d/%d %-40s", done + 1, total, name);
                err.flush();
            }
        }

        void clear() {
            if (on) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }

    private List<ModelInfo> selected() {
        List<ModelInfo> infos = names.isEmpty() ? Models.list()
                : names.stream().map(Models::info).collect(Collectors.toList());
        if (family != null) {
            Family f = family(family);
            infos = infos.stream().filter(i -> i.family() == f).collect(Collectors.toList());
        }
        return infos;
    }

    private static Family family(String name) {
        return Family.find(name).orElseThrow(() -> new JclasException("unknown family '" + name + "'",
                        "use one of " + Arrays.stream(Family.values()).map(Family::title).collect(Collectors.joining(", "))));
    }
}
