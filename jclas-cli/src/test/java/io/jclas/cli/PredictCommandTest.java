package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        return FakeClassifier.modelDir(dir);
    }

    private Path image(String name, int width) throws IOException {
        return FakeClassifier.image(dir.resolve("imgs").resolve(name), width);
    }

    @Test
    void printsTopKPerImageOfAFolder() throws IOException {
        Path a = image("a.png", 4);
        Path b = image("b.png", 5);
        Run run = Run.of("predict", "--model", model().toString(), "-o", "Infer.infer_imgs=" + dir.resolve("imgs"),
                "--topk", "2");
        assertEquals(0, run.code(), run.err());
        assertEquals(a + ":  one 0.7000  two 0.2000\n" + b + ":  two 0.7000  zero 0.2000\n", run.out());
    }

    @Test
    void jsonAndTopKFromTheConfigKey() throws IOException {
        Path a = image("a.png", 3);
        Run run = Run.of("predict", "-o", "Global.pretrained_model=" + model(), "-o", "Infer.PostProcess.topk=1",
                "--json", a.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.size());
        assertEquals(a.toString(), json.get(0).get("image").asText());
        JsonNode top = json.get(0).get("topk");
        assertEquals(1, top.size());
        assertEquals(0, top.get(0).get("class_id").asInt());
        assertEquals("zero", top.get(0).get("label").asText());
        assertEquals(0.7, top.get(0).get("score").asDouble(), 1e-6);
    }

    @Test
    void noModelIsAUserError() throws IOException {
        Run run = Run.of("predict", image("a.png", 3).toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: no model given\nhint: pass --model DIR"), run.err());
    }
}
