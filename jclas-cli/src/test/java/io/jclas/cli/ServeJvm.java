package io.jclas.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Java options the launcher gives {@code jclas serve}, from the file it reads them from. */
final class ServeJvm {
    /** One option per line, {@code #} starts a comment (relative to jclas-cli, where tests run). */
    static final Path FILE = Path.of("serve.jvm");

    private ServeJvm() {}

    static List<String> javaOptions() {
        try {
            return Files.readAllLines(FILE).stream().map(l -> l.replaceAll("#.*", "").trim())
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
