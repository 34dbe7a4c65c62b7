package io.jclas.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test hook inside the checkpoint writer, off unless both system properties are set: when the
 * checkpoint of global step {@code jclas.test.pauseCheckpointAtStep} is half written (model.npz in
 * the temporary directory, nothing else), the writer creates the file {@code
 * jclas.test.pauseCheckpointSignal} and waits forever, for a test to kill the JVM at exactly that point.
 */
final class CrashTestHook {
    private static final String STEP = System.getProperty("jclas.test.pauseCheckpointAtStep");
    private static final String SIGNAL = System.getProperty("jclas.test.pauseCheckpointSignal");

    private CrashTestHook() {}

    static void pauseIfAsked(Map<String, Object> state) {
        if (STEP == null || SIGNAL == null || !STEP.equals(String.valueOf(state.get("global_step")))) {
            return;
        }
        try {
            Files.writeString(Path.of(SIGNAL), "paused in the checkpoint of step " + STEP + "\n");
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused for a crash test", e);
        }
    }
}
