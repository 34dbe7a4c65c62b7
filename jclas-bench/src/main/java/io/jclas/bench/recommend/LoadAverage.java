package io.jclas.bench.recommend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-minute load average (Linux /proc/loadavg): how busy the machine was while it was measured. */
public final class LoadAverage {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {}

    /** The current one-minute load average, NaN where /proc/loadavg cannot be read. */
    public static double now() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }
}
