package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jclas.analysis.Precision;
import io.jclas.bench.recommend.RecommendOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecommendCommandTest {

    private static RecommendOptions parse(String... args) {
        RecommendCommand c = new RecommendCommand();
        new CommandLine(c).parseArgs(args);
        return c.options();
    }

    @Test
    void defaultsAreOneImageOneThreadFp32AndTheWholeZoo() {
        RecommendOptions o = parse("--latency-ms", "5");
        assertEquals(1, o.batch());
        assertEquals(1, o.threads());
        assertEquals(224, o.inputSize());
        assertEquals(List.of(Precision.FP32), o.precisions());
        assertTrue(o.models().contains("ResNet50_vd") && o.models().contains("GhostNet_x1_3"), o.models().toString());
        assertEquals(5.0, o.budget().latencyMs());
        assertTrue(Double.isNaN(o.budget().memoryMb()));
    }

    @Test
    void noBudgetIsAUserError() {
        Run run = Run.of("recommend", "--models", "ShuffleNetV2_x0_25");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: no budget to choose within\nhint: give --latency-ms 5"), run.err());
    }

    @Test
    void jsonOfATinyRunNamesTheFastestWhenNothingFits(@TempDir Path dir) throws Exception {
        Path plot = dir.resolve("pareto.png");
        Run run = Run.of("recommend", "--latency-ms", "0.001", "--models", "ShuffleNetV2_x0_25", "--input-size", "32",
                "--warmup", "1", "--repeats", "1", "--iterations", "3", "--plot", plot.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("nothing_fits", json.get("outcome").asText());
        assertTrue(json.get("message").asText().startsWith("nothing fits the budget: the fastest is ShuffleNetV2_x0_25"));
        JsonNode c = json.get("candidates").get(0);
        assertEquals("ShuffleNetV2_x0_25", c.get("model").asText());
        assertEquals("over", c.get("status").asText());
        assertTrue(c.get("spread_ms").isNull() && c.get("latency_ms").asDouble() > 0, c.toString());
        assertEquals(49.9, c.get("top1").asDouble(), 1e-9);
        assertTrue(Files.size(plot) > 1000);
    }
}
