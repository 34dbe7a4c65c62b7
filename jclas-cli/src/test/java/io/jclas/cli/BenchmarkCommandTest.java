package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        BenchmarkOptions o = parse("--quick", "--threads", "1,2", "--engines", "onnxruntime", "--repeats", "3", "--out", "x");
        assertEquals(3, o.repeats());
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
    void anchorsTrainingThreadsAndTheQuietRule() {
        BenchmarkOptions o = parse("--quick", "--threads", "1,2", "--anchors", "--anchor-python", "/opt/py/bin/python3",
                "--train-threads", "1", "--train-override", "Arch.small_input=true", "--train-override",
                "DataLoader.Train.sampler.batch_size=128", "--require-quiet", "--data-path", "--train-scaling");
        assertTrue(o.anchors() && o.dataPath() && o.trainScaling());
        assertEquals(Path.of("/opt/py/bin/python3"), o.anchorPython());
        assertEquals(1, o.resolvedTrainThreads());
        assertEquals(List.of("Arch.small_input=true", "DataLoader.Train.sampler.batch_size=128"), o.trainOverrides());
        assertTrue(o.requireQuiet());
        BenchmarkOptions defaults = parse("--quick", "--threads", "1,2");
        assertFalse(defaults.anchors() || defaults.requireQuiet() || defaults.dataPath() || defaults.trainScaling());
        assertEquals(BenchmarkOptions.DEBIAN_PYTHON, defaults.anchorPython());
        assertEquals(2, defaults.resolvedTrainThreads(), "training takes the largest --threads");
    }

    @Test
    void aTrainOverrideWithoutAValueIsAUserError() {
        Run run = Run.of("benchmark", "--quick", "--train-override", "Arch.small_input");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: training override 'Arch.small_input' is not Section.key=value\nhint: "),
                run.err());
    }

    @Test
    void noModelsIsAUserError() {
        Run run = Run.of("benchmark");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: no models to benchmark\nhint: "), run.err());
    }
}
