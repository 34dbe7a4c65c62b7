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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Params, MACs and memory access measured on the block tree, the convention of the seed tables:
 * params are trainable parameters (BatchNorm running statistics excluded); MACs are the
 * multiply-adds of convolutions and fully connected layers at batch 1; FLOPs = 2 x MACs (ResNet50:
 * 4.09 GMACs, 8.19 GFLOPs); memory access is the ShuffleNetV2 paper's memory-access cost, {@link
 * MemoryAccess}.
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
        return profile(block, channels, height, width).macs();
    }

    /**
     * MACs and the sum of every traced op's output elements (a lower bound of activation memory
     * in floats, used by the benchmark's memory estimate).
     */
    public static Pair<Long, Long> trace(Layer block, int channels, int height, int width) {
        ModelProfile p = profile(block, channels, height, width);
        return new Pair<>(p.macs(), p.activationElements());
    }

    /**
     * Every op of one forward at batch 1 with its multiply-adds and memory access ({@link
     * MemoryAccess}), from the same trace as the MACs count. An uninitialised block is initialised
     * for the count and left uninitialised afterwards.
     */
    public static ModelProfile profile(Layer block, int channels, int height, int width) {
        boolean borrowed = !block.isInitialized();
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape input = new Shape(1, channels, height, width);
            if (borrowed) {
                block.initialize(manager, DataType.FLOAT32, input);
            }
            Map<Block, String> paths = paths(block);
            List<OpCost> ops = new ArrayList<>();
            NDArray x = manager.zeros(input);
            Trace.run(op -> {
                String path = op.layer() == null ? "" : paths.getOrDefault(op.layer(), "");
                ops.add(new OpCost(ops.size(), path, op.type(), OpLabel.of(op), op.output().getShape(), macs(op),
                        MemoryAccess.elements(op)));
            }, () -> block.forward(new ParameterStore(manager, false), new ai.djl.ndarray.NDList(x), false));
            return new ModelProfile(ops);
        } finally {
            if (borrowed) {
                // The arrays died with the scratch manager: give the block back uninitialised.
                for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().close();
                }
            }
        }
    }

    /** Multiply-adds of one op: convolutions {@code out elements x C_in/groups x k^2}, FC {@code N x in x out}. */
    private static long macs(Trace.TracedOp op) {
        if (op.layer() instanceof ConvBnAct c) {
            return op.output().size() * ((long) c.inChannels() / c.groups() * c.kernel() * c.kernel());
        }
        if (op.layer() instanceof Fc fc) {
            return op.output().getShape().get(0) * (long) fc.inFeatures() * fc.outFeatures();
        }
        return 0;
    }

    /** The dotted path of every block under {@code root} ({@code features.2_1._conv_pw}). */
    private static Map<Block, String> paths(Block root) {
        Map<Block, String> out = new IdentityHashMap<>();
        Deque<ai.djl.util.Pair<String, Block>> todo = new ArrayDeque<>();
        todo.push(new ai.djl.util.Pair<>("", root));
        while (!todo.isEmpty()) {
            ai.djl.util.Pair<String, Block> next = todo.pop();
            out.put(next.getValue(), next.getKey());
            for (ai.djl.util.Pair<String, Block> child : next.getValue().getChildren()) {
                // DJL prefixes child names with their 2-digit position ("01features")
                String name = child.getKey().replaceFirst("^\\d{2}", "");
                todo.push(new ai.djl.util.Pair<>(next.getKey().isEmpty() ? name : next.getKey() + "." + name,
                        child.getValue()));
            }
        }
        return out;
    }
}
