package io.jclas.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child process of the benchmark (a fresh JVM, the Python anchor): its output, or a failure naming its last line. */
final class ChildProcess {
    private ChildProcess() {}

    /**
     * Runs {@code cmd} and returns its output, stderr merged into stdout.
     *
     * @param what names the child in failure messages
     * @throws IllegalStateException when it cannot start, fails, or outlives {@code timeoutMinutes}
     */
    static String run(List<String> cmd, String what, long timeoutMinutes) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " failed: " + lastLine(out));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** The last non-blank line of a child's output. */
    static String lastLine(String out) {
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
