package io.jclas.cli;

import io.jclas.cli.Table.Column;
import io.jclas.cli.Table.Kind;
import io.jclas.pretrained.PublishedWeights;
import io.jclas.pretrained.WeightCache;
import io.jclas.zoo.Models;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jclas weights list}: where each zoo name's published weights live, and whether they are cached. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Where each zoo name's published ImageNet weights live: PaddleClas's .pdparams (what",
            "-o Arch.pretrained=true or --pretrained downloads) and torchvision's .pth where jclas has a",
            "torchvision key map (SqueezeNet and AlexNet with -o Arch.variant=torchvision); 'cached' when",
            "the PaddleClas file is in $JCLAS_HOME/weights (default ~/.jclas/weights)."})
final class WeightsListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these zoo names.")
    List<String> names = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table, csv or md (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The formats of the list. */
    enum Format { TABLE, CSV, MD }

    private record Row(PublishedWeights.Entry entry, boolean cached) {}

    private static final Table<Row> TABLE = new Table<>(List.of(
            Column.of("name", Kind.TEXT, r -> r.entry().name()),
            Column.of("architecture", Kind.TEXT, r -> Models.info(r.entry().name()).architecture()),
            Column.of("cached", Kind.TEXT, r -> r.cached() ? "cached" : ""),
            Column.of("paddleclas", Kind.TEXT, r -> r.entry().paddleclas().toString()),
            Column.of("torchvision", Kind.TEXT, r -> r.entry().torchvisionUrl().map(Object::toString).orElse(""))));

    @Override
    public void run() {
        WeightCache cache = WeightCache.standard();
        List<PublishedWeights.Entry> entries = names.isEmpty()
                ? PublishedWeights.all() : names.stream().map(PublishedWeights::of).toList();
        List<Row> rows = entries.stream()
                .map(e -> new Row(e, Files.isRegularFile(cache.pathOf(e.paddleclas())))).toList();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> TABLE.aligned(rows, out);
            case CSV -> TABLE.csv(rows, out);
            case MD -> TABLE.markdown(rows, out);
        }
        out.flush();
    }
}
