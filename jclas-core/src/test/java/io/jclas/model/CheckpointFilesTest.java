package io.jclas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {
    @TempDir
    Path tmp;

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesWholeDirectoryAndLeavesNoTemporaries() throws Exception {
        Path latest = tmp.resolve("latest");
        CheckpointFiles.writeDirectory(latest, d -> write(d.resolve("a.txt"), "1"));
        CheckpointFiles.writeDirectory(latest, d -> write(d.resolve("b.txt"), "2"));
        assertEquals(List.of("b.txt"), names(latest));
        assertEquals(List.of("latest"), names(tmp));
    }

    @Test
    void failedWriteKeepsTheOldDirectory() throws Exception {
        Path latest = tmp.resolve("latest");
        CheckpointFiles.writeDirectory(latest, d -> write(d.resolve("a.txt"), "1"));
        assertThrows(IllegalStateException.class, () -> CheckpointFiles.writeDirectory(latest, d -> {
            write(d.resolve("half.txt"), "x");
            throw new IllegalStateException("disk full");
        }));
        assertEquals(List.of("a.txt"), names(latest));
        assertEquals(List.of("latest"), names(tmp));
    }

    @Test
    void aWriteKilledBetweenItsRenamesIsRecoveredAndItsLeftoversRemoved() throws Exception {
        // What a kill leaves between "latest -> .latest.old*" and ".latest.tmp* -> latest".
        Path latest = tmp.resolve("latest");
        write(Files.createDirectories(tmp.resolve(".latest.old123")).resolve("a.txt"), "previous");
        write(Files.createDirectories(tmp.resolve(".latest.tmp456")).resolve("b.txt"), "half");
        CheckpointFiles.recover(latest);
        assertEquals(List.of("a.txt"), names(latest));
        CheckpointFiles.writeDirectory(latest, d -> write(d.resolve("c.txt"), "next"));
        assertEquals(List.of("c.txt"), names(latest));
        assertEquals(List.of("latest"), names(tmp), "the killed write's temp directory is gone");
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
