package io.jclas.bench.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.engine.Engine;
import io.jclas.bench.PytorchThreads;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.util.List;
import java.util.Random;
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

/**
 * One training step (forward, cross-entropy, backward, plain SGD update) of a small model on a
 * batch of 64 Fashion-MNIST-sized images (1x28x28, 10 classes, small-input stem).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainStepBenchmark {
    private static final int BATCH = 64;

    @Param("ShuffleNetV2_x0_5")
    public String model;

    @Param("1")
    public int threads;

    private NDManager manager;
    private Network net;
    private List<Parameter> trainable;
    private Optimizer sgd;
    private float[] images;
    private float[] labels;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    @Setup(Level.Trial)
    public void setUp() {
        PytorchThreads.set(threads);
        manager = NDManager.newBaseManager();
        net = Models.create(model, ModelOptions.defaults().withClassNum(10).withInputChannels(1).withInputSize(28)
                .withSmallInput(true));
        net.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 1, 28, 28));
        trainable = net.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
        trainable.forEach(p -> p.getArray().setRequiresGradient(true));
        sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build();
        Random random = new Random(0);
        images = new float[BATCH * 28 * 28];
        labels = new float[BATCH];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(10);
        }
    }

    @Benchmark
    public float step() {
        try (NDManager sub = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = sub.create(images, new Shape(BATCH, 1, 28, 28));
            NDArray y = sub.create(labels, new Shape(BATCH));
            NDArray logits = net.forward(new ParameterStore(sub, false), new NDList(x), true).singletonOrThrow();
            NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
            collector.backward(l);
            for (Parameter p : trainable) {
                NDArray w = p.getArray();
                sgd.update(p.getId(), w, w.getGradient());
            }
            return l.getFloat();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
