package io.jclas.pretrained.paddle;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code paddleclas_state_dicts.py} (the PaddleClas state dicts written from PaddleClas's
 * sources) with Debian's interpreter; tests that need it are skipped, with the reason, where it or
 * numpy is missing.
 */
final class PaddleClasScript {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PaddleClasScript() {}

    /** Skips the calling test when /usr/bin/python3 (and, with {@code numpy}, numpy) is missing. */
    static void assumeAvailable(boolean numpy) {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is missing (apt-get install python3)");
        if (numpy) {
            assumeTrue(run("-c", "import numpy").exitCode == 0,
                    "skipped: numpy is missing for " + PYTHON + " (apt-get install python3-numpy)");
        }
    }

    /** The script's output; fails the test when it fails. */
    static List<String> call(String... args) {
        List<String> all = new ArrayList<>(List.of(script().toString()));
        all.addAll(List.of(args));
        Result r = run(all.toArray(String[]::new));
        if (r.exitCode != 0) {
            throw new AssertionError("paddleclas_state_dicts.py " + String.join(" ", args) + " failed:\n" + r.output);
        }
        return r.output.lines().toList();
    }

    private static Path script() {
        try {
            return Path.of(PaddleClasScript.class.getResource("paddleclas_state_dicts.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
