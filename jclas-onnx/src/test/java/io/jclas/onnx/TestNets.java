package io.jclas.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Ops;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Sequential;
import io.jclas.layers.SqueezeExcite;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Small networks made of every jclas primitive, and random weights with random BatchNorm statistics. */
final class TestNets {
    private TestNets() {}

    /**
     * A network that uses every op type and every activation: stride-2 stem, max pool, a
     * ShuffleNet-like split/concat/shuffle unit, a residual with SE, an avg pool in ceil mode, and a
     * head with inference-time dropout scaling.
     */
    static Network everyOp(int channels, int classes) {
        Sequential features = new Sequential()
                .add("stem", conv(channels, 16, 3, 2, Act.HARD_SWISH))
                .add("pool", Pool2d.max(3, 2, 1))
                .add("unit", new ShuffleUnit(16))
                .add("res", new Residual(new Sequential()
                                .add(conv(16, 16, 3, 1, Act.SWISH))
                                .add(ConvBnAct.builder(16, 16, 3).depthwise().optAct(Act.RELU6).build())
                                .add(new SqueezeExcite(16, 4, Act.HARD_SIGMOID))
                                .add(conv(16, 16, 1, 1, Act.NONE)),
                        null, Act.RELU))
                .add("gate", new Residual(conv(16, 16, 1, 1, Act.SIGMOID), conv(16, 16, 1, 1, Act.CLIP01), Act.NONE))
                .add("down", Pool2d.avg(2, 2, 0, true))
                .add("last", conv(16, 24, 1, 1, Act.RELU));
        Sequential head = new Sequential()
                .add("pool", new GlobalAvgPool(true))
                .add("flatten", new Flatten())
                .add("dropout", new Dropout(0.2f, Dropout.Mode.DOWNSCALE_IN_INFER))
                .add("fc", new Fc(24, classes));
        return new Network(features, 24, head, ModelOptions.defaults().withClassNum(classes));
    }

    /**
     * The zoo's architectures, aliases left out (they share their architecture's graph);
     * {@code -Djclas.zoo=Name1,Name2} narrows them to some names while debugging.
     */
    static Stream<ModelInfo> zooArchitectures() {
        String only = System.getProperty("jclas.zoo", "");
        return Models.list().stream()
                .filter(i -> !i.isAlias())
                .filter(i -> only.isEmpty() || List.of(only.split(",")).contains(i.name()));
    }

    static ConvBnAct conv(int in, int out, int k, int stride, Act act) {
        return ConvBnAct.builder(in, out, k).optStride(stride).optAct(act).build();
    }

    /** Half the channels through a branch, concatenated with the other half, then shuffled. */
    static final class ShuffleUnit extends Layer {
        private final int channels;
        private final ConvBnAct branch;

        ShuffleUnit(int channels) {
            this.channels = channels;
            branch = child("branch", conv(channels / 2, channels / 2, 3, 1, Act.RELU));
        }

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray kept = Ops.sliceChannels(x, 0, channels / 2);
            NDArray changed = apply(branch, ps, Ops.sliceChannels(x, channels / 2, channels), training);
            return Ops.channelShuffle(Ops.concat(kept, changed), 2);
        }
    }

    /**
     * Initialises the network and gives every BatchNorm random statistics (gamma in [0.5, 1.5],
     * beta and mean in [-0.2, 0.2], var in [0.5, 2]) so that folding has something to fold.
     */
    static void randomize(Network net, NDManager manager, int channels, int size, long seed) {
        net.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
        randomizeBatchNorm(net, seed, 1.5f);
    }

    /**
     * Like {@link #randomize}, but shrinks the BatchNorm gains until the network is well
     * conditioned: an input change of 1e-6 must move the logits by less than 1e-6 x max(1,
     * max|logit|). Deep random networks (SENet154's 50 SE blocks) are chaotic at gains near 1, and
     * no two runtimes can agree on a chaotic function, so comparing them would test nothing.
     */
    static void randomizeConditioned(Network net, NDManager manager, NDArray input, long seed) {
        // Seeded weights: a failure reproduces with the same network.
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        Shape shape = input.getShape();
        net.initialize(manager, DataType.FLOAT32, new Shape(1, shape.get(1), shape.get(2), shape.get(3)));
        // The bar is ten times below the comparison's 1e-4, so that float rounding, which the two
        // runtimes do in different orders, cannot be amplified past the comparison's tolerance.
        for (float gammaHigh : new float[] {1.5f, 0.75f, 0.4f, 0.2f, 0.1f}) {
            randomizeBatchNorm(net, seed, gammaHigh);
            if (sensitivity(net, manager, input) < 1e-6) {
                return;
            }
        }
        throw new AssertionError(net.getClass().getSimpleName() + " stays chaotic with random weights");
    }

    /**
     * Max logit change under a 1e-6 perturbation of the input the comparison will use, relative to
     * max(1, max|logit|): a network that chaotic at that input cannot be compared at 1e-4.
     */
    private static double sensitivity(Network net, NDManager manager, NDArray input) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = input;
            NDArray nudged = x.add(m.randomNormal(input.getShape()).mul(1e-6f));
            float[] a = net.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[] b = net.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(nudged), false)
                    .singletonOrThrow().toFloatArray();
            double maxAbs = 0;
            double maxDiff = 0;
            for (int i = 0; i < a.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(a[i]));
                maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
            }
            return maxDiff / Math.max(1, maxAbs);
        }
    }

    private static void randomizeBatchNorm(Network net, long seed, float gammaHigh) {
        Random r = new Random(seed);
        for (ai.djl.util.Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] v = new float[(int) a.size()];
            switch (p.getValue().getType()) {
                case GAMMA: fill(v, r, gammaHigh / 3, gammaHigh); break;
                case BETA: case RUNNING_MEAN: fill(v, r, -0.2f, 0.2f); break;
                case RUNNING_VAR: fill(v, r, 0.5f, 2f); break;
                default: continue;
            }
            a.set(v);
        }
    }

    private static void fill(float[] v, Random r, float lo, float hi) {
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextFloat();
        }
    }
}
