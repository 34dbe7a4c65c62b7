package io.jclas.bench.jmh;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.jclas.bench.PytorchRunner;
import io.jclas.bench.PytorchThreads;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** One batch-1 forward of a light model at 224x224 on the PyTorch engine, scoped in a sub-manager. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ForwardBenchmark {
    @Param("ShuffleNetV2_x1_0")
    public String model;

    @Param("1")
    public int threads;

    private NDManager manager;
    private PytorchRunner runner;

    @Setup(Level.Trial)
    public void setUp() {
        PytorchThreads.set(threads);
        manager = NDManager.newBaseManager();
        Network net = Models.create(model, ModelOptions.defaults());
        Shape shape = new Shape(1, 3, 224, 224);
        net.initialize(manager, DataType.FLOAT32, shape);
        float[] input = new float[3 * 224 * 224];
        Arrays.fill(input, 0.5f);
        runner = new PytorchRunner(net, manager, input, shape);
    }

    @Benchmark
    public void forward() {
        runner.forward();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
