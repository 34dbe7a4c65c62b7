package io.jclas.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Layer;
import io.jclas.layers.Trace;
import io.jclas.util.Pair;

/**
 * Params and MACs measured on the block tree, the convention of the seed tables: params are
 * trainable parameters (BatchNorm running statistics excluded); MACs are the multiply-adds of
 * convolutions and fully connected layers at batch 1; FLOPs = 2 x MACs (ResNet50: 4.09 GMACs,
 * 8.19 GFLOPs).
 */
public final class ModelStats {
    private ModelStats() {}

    /** Trainable parameter count. */
    public static long params(Block block) {
        long n = 0;
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getShape().size();
            }
        }
        return n;
    }

    /** Every parameter's element count, running statistics included (PaddlePaddle's "Params"). */
    public static long allParameterElements(Block block) {
        long n = 0;
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    /**
     * Multiply-adds of one forward at batch 1 and the given input, counted from a traced forward.
     * An uninitialised block is initialised for the count and left uninitialised afterwards.
     */
    public static long macs(Layer block, int channels, int height, int width) {
        return trace(block, channels, height, width).getKey();
    }

    /**
     * MACs and the sum of every traced op's output elements (a lower bound of activation memory
     * in floats, used by the benchmark's memory estimate).
     */
    public static Pair<Long, Long> trace(Layer block, int channels, int height, int width) {
        boolean borrowed = !block.isInitialized();
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape input = new Shape(1, channels, height, width);
            if (borrowed) {
                block.initialize(manager, DataType.FLOAT32, input);
            }
            long[] macs = {0};
            long[] activations = {0};
            NDArray x = manager.zeros(input);
            Trace.run(op -> {
                activations[0] += op.output().size();
                if (op.layer() instanceof ConvBnAct) {
                    ConvBnAct c = (ConvBnAct) op.layer();
                    long perOutput = (long) c.inChannels() / c.groups() * c.kernel() * c.kernel();
                    macs[0] += op.output().size() * perOutput;
                } else if (op.layer() instanceof Fc) {
                    Fc fc = (Fc) op.layer();
                    macs[0] += op.output().getShape().get(0) * (long) fc.inFeatures() * fc.outFeatures();
                }
                return;
            }, () -> block.forward(new ParameterStore(manager, false), new ai.djl.ndarray.NDList(x), false));
            return new Pair<>(macs[0], activations[0]);
        } finally {
            if (borrowed) {
                // The arrays died with the scratch manager: give the block back uninitialised.
                for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().close();
                }
            }
        }
    }
}
