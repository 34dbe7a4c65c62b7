package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.bench.BenchmarkOptions;
import io.jclas.bench.InferenceEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchmarkCommandTest {

    private static BenchmarkOptions parse(String... args) {
        BenchmarkCommand c = new BenchmarkCommand();
        new CommandLine(c).parseArgs(args);
        return c.options();
    }

    @Test
    void quickDefaultsThenExplicitOptions() {
        BenchmarkOptions o = parse("--quick", "--threads", "1,2", "--engines", "onnxruntime", "--out", "x");
        assertEquals(BenchmarkOptions.QUICK_MODELS, o.models());
        assertEquals(List.of(1), o.batchSizes());
        assertEquals(List.of(1, 2), o.threads());
        assertEquals(List.of(InferenceEngine.ONNXRUNTIME), o.engines());
        assertEquals(Path.of("x"), o.outDir());
    }

    @Test
    void precisionAddsInt8() {
        assertTrue(parse("--quick", "--precision", "fp32,int8").int8());
        assertEquals(List.of("fp32"), parse("--quick").precisions());
    }

    @Test
    void noModelsIsAUserError() {
        Run run = Run.of("benchmark");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: no models to benchmark\nhint: "), run.err());
    }
}
