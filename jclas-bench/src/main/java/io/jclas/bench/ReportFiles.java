package io.jclas.bench;

import io.jclas.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes report.md, report.csv, report.json and the plots of a report into one folder, each atomically. */
public final class ReportFiles {
    public static final String MARKDOWN = "report.md";
    public static final String CSV = "report.csv";
    public static final String JSON = "report.json";

    private ReportFiles() {}

    /** Writes every file; returns their paths, plots first. */
    public static List<Path> write(BenchmarkReport report, Path dir) {
        List<String> plots = Plots.write(report, dir);
        AtomicFiles.writeString(dir.resolve(CSV), CsvReport.render(report));
        AtomicFiles.writeString(dir.resolve(JSON), JsonReport.render(report));
        AtomicFiles.writeString(dir.resolve(MARKDOWN), MarkdownReport.render(report, plots));
        List<Path> out = new ArrayList<>();
        plots.forEach(p -> out.add(dir.resolve(p)));
        out.add(dir.resolve(CSV));
        out.add(dir.resolve(JSON));
        out.add(dir.resolve(MARKDOWN));
        return out;
    }
}
