package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.pretrained.PretrainedWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A foreign weight file where {@code predict} or {@code export} expects a checkpoint: imported as
 * {@code Arch.name} into a temporary checkpoint that the JVM removes when it exits, so that those
 * commands open it as any other.
 */
final class ImportedCheckpoint {
    private ImportedCheckpoint() {}

    /** {@code given} itself, or the checkpoint imported from it when it is a .pdparams/.pth/.pt file. */
    static Path of(Path given, Config settings) {
        if (!PretrainedWeights.isForeign(given)) {
            return given;
        }
        if (!settings.has("Arch.name")) {
            throw new JclasException(given + " is a foreign weight file; importing it needs Arch.name",
                    "add -o Arch.name=<the file's model>, or import it once: jclas weights import " + given + " --arch NAME");
        }
        try {
            Path tmp = Files.createTempDirectory("jclas-import");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
            Path dir = tmp.resolve("checkpoint");
            PretrainedWeights.writeCheckpoint(given, settings, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary checkpoint directory", e);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
