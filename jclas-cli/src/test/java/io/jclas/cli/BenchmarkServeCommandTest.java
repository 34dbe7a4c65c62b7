package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void comparesServersWithoutAndWithBatchingAndWritesTheTable() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.createFile(model.resolve("fake.model"));
        Path image = dir.resolve("x.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        Path table = dir.resolve("load.md");
        Run run = Run.of("benchmark", "serve", "--model", model.toString(), "--image", image.toString(),
                "--concurrency", "1,2", "--requests", "6", "--seconds", "30", "--out", table.toString());
        assertEquals(0, run.code(), run.err());
        String md = Files.readString(table);
        assertEquals(2 + 4, md.lines().count(), md);
        assertTrue(md.contains("| no batching | 1 | 1 | 6 | 0 |"), md);
        assertTrue(md.contains("| batching | 8 | 2 | 6 | 0 |"), md);
        assertTrue(run.out().startsWith(md), run.out());
    }
}
