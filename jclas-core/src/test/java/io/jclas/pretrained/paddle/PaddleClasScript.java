package io.jclas.pretrained.paddle;

import io.jclas.pretrained.TorchvisionReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code paddleclas_state_dicts.py} (the PaddleClas state dicts written from PaddleClas's
 * sources) with Debian's interpreter; tests that need it are skipped, with the reason, where it or
 * numpy is missing. Public for the CLI tests, which get it through jclas-core's test jar.
 */
public final class PaddleClasScript {
    private static final String SCRIPT = "paddleclas_state_dicts.py";

    private PaddleClasScript() {}

    /** Skips the calling test unless /usr/bin/python3 runs (and, with {@code numpy}, imports numpy). */
    public static void assumeAvailable(boolean numpy) {
        if (numpy) {
            TorchvisionReference.assumeImports("numpy", "python3-numpy");
        } else {
            TorchvisionReference.assumeImports("math", "python3");
        }
    }

    /** Writes {@code architecture}'s PaddleClas file as paddle.save does (protocol 4) at {@code file}. */
    public static Path write(String architecture, Path file) {
        call("write", architecture, file.toString(), "4", "0");
        return file;
    }

    /** The script's output lines; fails the test when it fails. */
    static List<String> call(String... args) {
        try {
            Path script = Files.createTempFile("paddleclas_state_dicts", ".py");
            try {
                try (InputStream in = PaddleClasScript.class.getResourceAsStream(SCRIPT)) {
                    Files.write(script, in.readAllBytes());
                }
                List<String> command = new ArrayList<>(List.of(TorchvisionReference.PYTHON.toString(), script.toString()));
                command.addAll(List.of(args));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new AssertionError(SCRIPT + " " + String.join(" ", args) + " failed:\n" + out);
                }
                return out.lines().toList();
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + SCRIPT, e);
        }
    }
}
