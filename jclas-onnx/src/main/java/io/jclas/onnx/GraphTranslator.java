package io.jclas.onnx;

import static io.jclas.onnx.OnnxGraph.attr;
import static io.jclas.onnx.OnnxGraph.ints;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.jclas.JclasException;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Trace.TracedOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns traced ops into ONNX nodes, one op at a time in execution order. Tensors are identified
 * by NDArray object identity: an op's inputs are the very arrays earlier ops returned.
 */
final class GraphTranslator {
    private final OnnxGraph graph;
    private final BlockTree tree;
    private final Map<NDArray, String> names = new IdentityHashMap<>();

    GraphTranslator(OnnxGraph graph, BlockTree tree, NDArray input, String inputName) {
        this.graph = graph;
        this.tree = tree;
        names.put(input, inputName);
    }

    /** The graph name of a traced tensor, or null when no traced op produced it. */
    String name(NDArray tensor) {
        return names.get(tensor);
    }

    /** Adds the nodes of one op; every input must already have a name. */
    void translate(TracedOp op) {
        List<String> in = new ArrayList<>();
        for (NDArray x : op.inputs()) {
            in.add(names.get(x));
        }
        names.put(op.output(), nodes(op, in));
    }

    private String nodes(TracedOp op, List<String> in) {
        String x = in.get(0);
        switch (op.type()) {
            case CONV_BN_ACT:
                return conv((ConvBnAct) op.layer(), x);
            case FC:
                return fc((Fc) op.layer(), x);
            case ACT:
                return act((Act) op.attribute(), x, prefix(op));
            case POOL:
                return pool((Pool2d) op.layer(), x);
            case GLOBAL_AVG_POOL: {
                String pooled = graph.node("GlobalAveragePool", prefix(op), in);
                return (Boolean) op.attribute() ? pooled : flatten(pooled, prefix(op) + "/flatten");
            }
            case FLATTEN:
                return flatten(x, prefix(op));
            case SCALE: {
                float scale = (Float) op.attribute();
                // Paddle's downscale-in-infer dropout multiplies by (1-p) at inference: part of the model
                return scale == 1f ? x : graph.node("Mul", prefix(op), List.of(x, graph.scalar(scale)));
            }
            case ADD:
                return graph.node("Add", "add", in);
            case MUL:
                return graph.node("Mul", "mul", in);
            case CONCAT:
                return graph.node("Concat", "concat", in, attr("axis", 1L));
            case SLICE_CHANNELS: {
                int[] range = (int[]) op.attribute();
                return graph.node("Slice", "slice", List.of(x, graph.longs("slice_start", range[0]),
                        graph.longs("slice_end", range[1]), graph.longs("slice_axis", 1)));
            }
            case CHANNEL_SHUFFLE:
                return channelShuffle(x, op.inputs().get(0).getShape(), (Integer) op.attribute());
            default:
                throw new JclasException("cannot export op " + op.type() + " of "
                        + (op.layer() == null ? "Ops" : op.layer().getClass().getSimpleName())
                        + ": the ONNX exporter does not know it", "add its mapping to io.jclas.onnx.GraphTranslator");
        }
    }

    private String prefix(TracedOp op) {
        return op.layer() == null ? op.type().name().toLowerCase(java.util.Locale.ROOT) : tree.path(op.layer());
    }

    private String conv(ConvBnAct c, String x) {
        String name = tree.path(c);
        FoldedConv folded = FoldedConv.of(c);
        long k = c.kernel();
        List<String> inputs = new ArrayList<>(List.of(x, graph.floats(name + ".weight",
                new long[] {c.outChannels(), c.inChannels() / c.groups(), k, k}, folded.weight())));
        if (folded.bias() != null) {
            inputs.add(graph.floats(name + ".bias", new long[] {c.outChannels()}, folded.bias()));
        }
        long s = c.stride();
        long p = c.padding();
        String y = graph.node("Conv", c.act() == Act.NONE ? name : name + "/conv", inputs,
                ints("kernel_shape", k, k), ints("strides", s, s), ints("pads", p, p, p, p),
                ints("dilations", 1, 1), attr("group", (long) c.groups()));
        return act(c.act(), y, name);
    }

    private String fc(Fc fc, String x) {
        String name = tree.path(fc);
        String w = graph.floats(name + ".weight", new long[] {fc.outFeatures(), fc.inFeatures()},
                fc.weight().getArray().toFloatArray());
        String b = graph.floats(name + ".bias", new long[] {fc.outFeatures()}, fc.bias().getArray().toFloatArray());
        return graph.node("Gemm", name, List.of(x, w, b), attr("transB", 1L));
    }

    private String pool(Pool2d pool, String x) {
        long k = pool.kernel();
        long s = pool.stride();
        long p = pool.padding();
        var kernel = ints("kernel_shape", k, k);
        var strides = ints("strides", s, s);
        var pads = ints("pads", p, p, p, p);
        var ceil = attr("ceil_mode", pool.ceilMode() ? 1L : 0L);
        return pool.isMax()
                ? graph.node("MaxPool", tree.path(pool), List.of(x), kernel, strides, pads, ceil)
                // Paddle's "exclusive" average: padding is not counted
                : graph.node("AveragePool", tree.path(pool), List.of(x), kernel, strides, pads, ceil,
                        attr("count_include_pad", 0L));
    }

    private String flatten(String x, String name) {
        return graph.node("Flatten", name, List.of(x), attr("axis", 1L));
    }

    private String channelShuffle(String x, Shape shape, int groups) {
        long c = shape.get(1);
        long h = shape.get(2);
        long w = shape.get(3);
        // 0 copies the batch dimension, so the graph keeps its dynamic batch
        String split = graph.node("Reshape", "shuffle/split",
                List.of(x, graph.longs("shuffle_shape", 0, groups, c / groups, h, w)));
        String swapped = graph.node("Transpose", "shuffle/transpose", List.of(split), ints("perm", 0, 2, 1, 3, 4));
        return graph.node("Reshape", "shuffle", List.of(swapped, graph.longs("shuffle_shape", 0, c, h, w)));
    }

    /** The nodes of an activation on {@code x}; {@link Act#NONE} adds none. */
    private String act(Act act, String x, String name) {
        switch (act) {
            case NONE:
                return x;
            case RELU:
                return graph.node("Relu", name, List.of(x));
            case RELU6:
                return graph.node("Clip", name, List.of(x, graph.scalar(0f), graph.scalar(6f)));
            case HARD_SWISH:
                return graph.node("HardSwish", name, List.of(x));
            case HARD_SIGMOID:
                return graph.node("HardSigmoid", name, List.of(x), attr("alpha", 0.2f), attr("beta", 0.5f));
            case SIGMOID:
                return graph.node("Sigmoid", name, List.of(x));
            case SWISH:
                return graph.node("Mul", name, List.of(x, graph.node("Sigmoid", name + "/sigmoid", List.of(x))));
            case CLIP01:
                return graph.node("Clip", name, List.of(x, graph.scalar(0f), graph.scalar(1f)));
            default:
                throw new JclasException("cannot export activation " + act, "add it to io.jclas.onnx.GraphTranslator");
        }
    }
}
