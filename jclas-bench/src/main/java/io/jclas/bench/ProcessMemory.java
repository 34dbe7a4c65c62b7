package io.jclas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, read from /proc/self/status (Linux). */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** True where /proc/self/status exists. */
    public static boolean available() {
        return Files.isReadable(STATUS);
    }

    /** Current resident set size in bytes (VmRSS); -1 where /proc is unavailable. */
    public static long rssBytes() {
        if (!available()) {
            return -1;
        }
        try {
            return parseKb(Files.readString(STATUS), "VmRSS") * 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value in kB of field {@code key} of a /proc status text ({@code "VmRSS:\t  123 kB"}).
     *
     * @throws IllegalArgumentException when the field is missing or not in kB
     */
    public static long parseKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return Long.parseLong(parts[0]);
                }
                throw new IllegalArgumentException("unexpected " + key + " line: " + line);
            }
        }
        throw new IllegalArgumentException("no " + key + " in process status");
    }
}
