package io.jclas.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line console progress bar redrawn in place ({@code \r}) on a terminal, or printed every
 * tenth of the way when the output is a file or a pipe, so that logs stay short.
 */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastTenth = -1;
    private int lastLength;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** True when stdout is a terminal that can redraw a line. */
    static boolean interactive() {
        return System.console() != null;
    }

    /** Shows {@code done} of {@code total} with a label before and a status after the bar. */
    void update(String label, long done, long total, String status) {
        String line = render(label, done, total, status);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            out.flush();
        } else {
            int tenth = total > 0 ? (int) (10 * done / total) : 0;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
                out.flush();
            }
        }
    }

    /** Ends the bar's line, so that the next output starts on a fresh one. */
    void finish() {
        if (terminal && lastLength > 0) {
            out.println();
            out.flush();
        }
        lastLength = 0;
        lastTenth = -1;
    }

    static String render(String label, long done, long total, String status) {
        int filled = total > 0 ? (int) Math.min(WIDTH, WIDTH * done / total) : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", label, "=".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, status).stripTrailing();
    }

    /** Seconds as h:mm:ss or m:ss. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
