package io.jclas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rows of one type rendered as an aligned table, CSV, Markdown rows or JSON objects, from one
 * column list, so that every format of a command shows the same columns in the same order.
 */
final class Table<R> {

    /** How a column's values read. */
    enum Kind {
        /** Left-aligned text: names, families, descriptions. */
        TEXT,
        /** Right-aligned text: sizes, shapes. */
        VALUE,
        /** Integers, with thousands separators on screen. */
        COUNT,
        /** Decimals with the column's digits. */
        DECIMAL,
        /** A relative difference: +1.23% on screen, 0.01230 in files. */
        RATIO
    }

    /** One column: its header, kind, digits (DECIMAL) and the value of a row; NaN or null reads as missing. */
    record Column<R>(String header, Kind kind, int digits, Function<R, Object> value) {
        static <R> Column<R> of(String header, Kind kind, Function<R, Object> value) {
            return new Column<>(header, kind, 3, value);
        }

        static <R> Column<R> decimal(String header, int digits, Function<R, Object> value) {
            return new Column<>(header, Kind.DECIMAL, digits, value);
        }
    }

    private final List<Column<R>> columns;

    Table(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    int size() {
        return columns.size();
    }

    /** The same table with only the first {@code n} columns. */
    Table<R> first(int n) {
        return new Table<>(columns.subList(0, n));
    }

    String csvHeader() {
        return columns.stream().map(Column::header).collect(Collectors.joining(","));
    }

    String csvRow(R row) {
        return String.join(",", cells(row, false));
    }

    void csv(List<R> rows, PrintWriter out) {
        out.println(csvHeader());
        rows.forEach(r -> out.println(csvRow(r)));
    }

    /** Columns padded to their widest cell, numbers right-aligned. */
    void aligned(List<R> rows, PrintWriter out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).collect(Collectors.toList()));
        rows.forEach(r -> lines.add(cells(r, true)));
        int[] width = new int[columns.size()];
        for (List<String> l : lines) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], l.get(i).length());
            }
        }
        for (List<String> l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String pad = columns.get(i).kind() == Kind.TEXT ? "%-" : "%";
                sb.append(String.format(pad + width[i] + "s", l.get(i)));
                sb.append(i + 1 < width.length ? "  " : "");
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** A Markdown table: header, alignment row, one line per row. */
    void markdown(List<R> rows, PrintWriter out) {
        out.println("| " + columns.stream().map(Column::header).collect(Collectors.joining(" | ")) + " |");
        out.println("|" + columns.stream().map(c -> c.kind() == Kind.TEXT ? "---|" : "---:|")
                .collect(Collectors.joining()));
        for (R r : rows) {
            out.println("| " + String.join(" | ", cells(r, true)) + " |");
        }
    }

    /** One ordered map per row, header to raw value, missing values as null (for JSON). */
    List<Map<String, Object>> maps(List<R> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (R r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column<R> c : columns) {
                Object v = c.value().apply(r);
                m.put(c.header(), missing(v) ? null : v);
            }
            list.add(m);
        }
        return list;
    }

    private List<String> cells(R row, boolean human) {
        List<String> out = new ArrayList<>();
        for (Column<R> c : columns) {
            out.add(cell(c, c.value().apply(row), human));
        }
        return out;
    }

    private static boolean missing(Object v) {
        return v == null || v instanceof Double d && d.isNaN();
    }

    private static String cell(Column<?> c, Object v, boolean human) {
        if (missing(v)) {
            return human ? "-" : "";
        }
        return switch (c.kind()) {
            case TEXT, VALUE -> String.valueOf(v);
            case COUNT -> human ? String.format(Locale.ROOT, "%,d", (Long) v) : String.valueOf(v);
            case DECIMAL -> String.format(Locale.ROOT, "%." + c.digits() + "f", ((Number) v).doubleValue());
            case RATIO -> human ? String.format(Locale.ROOT, "%+.2f%%", 100 * (Double) v)
                    : String.format(Locale.ROOT, "%.5f", (Double) v);
        };
    }
}
