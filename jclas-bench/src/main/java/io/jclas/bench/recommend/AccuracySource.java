package io.jclas.bench.recommend;

import io.jclas.JclasException;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the accuracy of each candidate comes from: the seeds' published ImageNet Top-1 ({@link
 * ModelInfo.Published}), or a user's own file of {@code model,top1} lines (Top-1 as a fraction or
 * in percent, e.g. from {@code jclas eval} on the user's data; a header line and # comments are
 * skipped).
 */
public final class AccuracySource {
    public static final String PUBLISHED = "published";

    private final String label;
    private final Map<String, Double> top1;

    private AccuracySource(String label, Map<String, Double> top1) {
        this.label = label;
        this.top1 = top1;
    }

    /** {@code published}, or a file path. */
    public static AccuracySource of(String metric) {
        return metric.equals(PUBLISHED) ? published() : file(Path.of(metric));
    }

    public static AccuracySource published() {
        return new AccuracySource("published ImageNet Top-1", null);
    }

    /** Reads a {@code model,top1} file; unknown names and unreadable values fail naming the line. */
    public static AccuracySource file(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new JclasException("cannot read the accuracy file " + file + ": " + e.getMessage(),
                    "give --metric published, or a file of model,top1 lines");
        }
        Map<String, Double> top1 = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("model,"))) {
                continue;
            }
            String[] f = line.split(",");
            String where = file + ":" + (i + 1);
            if (f.length != 2) {
                throw new JclasException(where + ": expected model,top1, got '" + line + "'",
                        "write one model,top1 line per model, e.g. ShuffleNetV2_x1_0,93.70");
            }
            Models.info(f[0].strip()); // unknown names fail with the closest ones
            top1.put(f[0].strip(), fraction(f[1].strip(), where));
        }
        if (top1.isEmpty()) {
            throw new JclasException("the accuracy file " + file + " names no model",
                    "write one model,top1 line per model, e.g. ShuffleNetV2_x1_0,93.70");
        }
        return new AccuracySource("Top-1 from " + file.getFileName(), top1);
    }

    private static double fraction(String value, String where) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v <= 100)) {
            throw new JclasException(where + ": Top-1 '" + value + "' is not a number from 0 to 100",
                    "give Top-1 as a fraction (0.937) or in percent (93.7)");
        }
        return v > 1 ? v / 100 : v;
    }

    /** Top-1 of a model as a fraction, NaN where this source has none. */
    public double top1(ModelInfo info) {
        return isPublished() ? info.published().top1() : top1.getOrDefault(info.name(), Double.NaN);
    }

    /** True for the seeds' published figures, which were measured at each model's own input size. */
    public boolean isPublished() {
        return top1 == null;
    }

    /** What the accuracy column means. */
    public String label() {
        return label;
    }
}
