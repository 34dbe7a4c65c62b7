package io.jclas.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository the CLI runs from ({@code -Djclas.home}, set by the {@code ./jclas} launcher), so
 * that bundled files such as {@code configs/...} are found from any working directory.
 */
final class JclasHome {
    private JclasHome() {}

    /** {@code path} itself when it exists, else the same path under jclas.home when that exists, else {@code path}. */
    static Path resolve(String path) {
        Path p = Path.of(path);
        String home = System.getProperty("jclas.home");
        if (Files.exists(p) || p.isAbsolute() || home == null) {
            return p;
        }
        Path bundled = Path.of(home).resolve(path);
        return Files.exists(bundled) ? bundled : p;
    }
}
