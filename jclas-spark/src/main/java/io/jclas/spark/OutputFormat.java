package io.jclas.spark;

import io.jclas.JclasException;
import java.util.Locale;

/** The file formats predictions are written in, by Spark's writers. */
public enum OutputFormat {
    PARQUET, CSV, JSON;

    /** By name, any case. */
    public static OutputFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JclasException("unknown output format '" + name + "'", "use parquet, csv or json");
        }
    }

    /** Spark's name of the data source. */
    String source() {
        return name().toLowerCase(Locale.ROOT);
    }
}
