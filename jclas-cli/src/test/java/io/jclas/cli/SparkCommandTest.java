package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jclas spark predict|eval} in an embedded local[2] Spark, with the fake classifier (class =
 * image width mod 3), which the executors find as the driver does.
 */
class SparkCommandTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        return FakeClassifier.modelDir(dir);
    }

    private Path image(String relative, int width) throws IOException {
        return FakeClassifier.image(dir.resolve(relative), width);
    }

    @Test
    void predictWritesOneRowPerImageWithErrorsForBadOnes() throws IOException {
        image("imgs/a.png", 4);
        image("imgs/sub/b.png", 5);
        Files.writeString(dir.resolve("imgs/broken.png"), "no png");
        Path out = dir.resolve("out");
        Run run = Run.of("spark", "predict", "--model", model().toString(), "--input", dir.resolve("imgs").toString(),
                "--output", out.toString(), "--format", "json", "--topk", "2", "--master", "local[2]");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("2 images classified, 1 with an error, in "), run.out());
        Map<String, JsonNode> rows = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    JsonNode row = json.readTree(line);
                    String path = row.get("path").asText();
                    rows.put(path.substring(path.indexOf("imgs/") + 5), row);
                }
            }
        }
        assertEquals(List.of("a.png", "broken.png", "sub/b.png"), List.copyOf(rows.keySet()));
        assertEquals("one", rows.get("a.png").get("label").asText());
        assertEquals(2, rows.get("sub/b.png").get("class_id").asInt());
        assertEquals(0.7, rows.get("sub/b.png").get("score").asDouble(), 1e-6);
        assertEquals("zero", rows.get("sub/b.png").get("topk").get(1).get("label").asText());
        assertEquals("not an image (PNG, JPEG, BMP or GIF expected)", rows.get("broken.png").get("error").asText());
    }

    @Test
    void evalPrintsTopOneAndPerClassMetrics() throws IOException {
        image("set/zero/a.png", 3);
        image("set/one/b.png", 4);
        image("set/two/c.png", 5);
        image("set/two/d.png", 6);   // predicted zero
        Path report = dir.resolve("report");
        Run run = Run.of("spark", "eval", "--model", model().toString(), "--input", dir.resolve("set").toString(),
                "--master", "local[2]", "--report", report.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("top1 0.7500  top5 1.0000  loss "), run.out());
        assertTrue(run.out().contains("\ntwo                         1.0000    0.5000    0.6667        2\n"), run.out());
        assertEquals("true\\predicted,zero,one,two\nzero,1,0,0\none,0,1,0\ntwo,1,0,1\n",
                Files.readString(report.resolve("confusion.csv")));
    }

    @Test
    void aMissingModelIsAUserErrorBeforeAnyJob() throws IOException {
        image("imgs/a.png", 4);
        Run run = Run.of("spark", "predict", "--model", dir.resolve("none").toString(), "--input",
                dir.resolve("imgs").toString(), "--output", dir.resolve("out").toString(), "--master", "local[1]");
        assertEquals(ErrorHandler.USER_ERROR, run.code());
        assertTrue(run.err().startsWith("error: model directory not found: " + dir.resolve("none") + "\nhint: "), run.err());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void anEmptyFolderIsAUserError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Run run = Run.of("spark", "eval", "--model", model().toString(), "--input", dir.resolve("empty").toString(),
                "--master", "local[1]");
        assertEquals(ErrorHandler.USER_ERROR, run.code());
        assertTrue(run.err().startsWith("error: no class folders in " + dir.resolve("empty").toAbsolutePath()), run.err());
    }
}
