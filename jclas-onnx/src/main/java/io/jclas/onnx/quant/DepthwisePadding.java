package io.jclas.onnx.quant;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Widens every depthwise convolution whose channel count is not a multiple of 16 to the next
 * multiple, with zero weights, before quantization. ORT's fast int8 depthwise kernel on x86
 * (MLAS's symmetric ConvSym, u8 activations × s8 weights with zero point 0) takes only channel
 * counts that are multiples of 16; others fall back to a generic kernel that ran 3x slower than
 * fp32 (MobileNetV3_large's 72- and 120-channel blocks: 0.17 ms against 0.05 ms at 56x56).
 *
 * <p>The extra channels come from the convolution that produces the depthwise input (zero
 * weights, zero bias), pass only through channelwise ops (activations, the depthwise itself, SE's
 * pooling and multiply, whose gate convolution gets the same extra output channels) and end in
 * convolutions that read them with zero weights. No op mixes them into the real channels, so
 * the padded fp32 graph computes the same logits. A depthwise convolution whose channels come
 * from or go to anything else (a Concat, a residual Add, the graph input) is left as it is.
 */
final class DepthwisePadding {
    static final int ALIGN = 16;
    private static final Set<String> UNARY = Set.of("Relu", "Clip", "HardSwish", "HardSigmoid", "Sigmoid",
            "GlobalAveragePool");
    private static final Set<String> BINARY = Set.of("Mul", "Add");

    private final Map<String, NodeProto> producer = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Set<String> outputs = new HashSet<>();
    /** The padded depthwise convolutions, by name, and their channel counts before → after. */
    final Map<String, String> padded = new LinkedHashMap<>();

    private DepthwisePadding(GraphProto g) {
        for (NodeProto n : g.getNodeList()) {
            n.getOutputList().forEach(o -> producer.put(o, n));
            n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        g.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
    }

    /** The padded graph and what was padded. */
    record Result(ModelProto model, Map<String, String> padded) {}

    static Result pad(ModelProto fp32) {
        GraphProto g = fp32.getGraph();
        DepthwisePadding p = new DepthwisePadding(g);
        Map<String, Widening> widenings = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            int c = p.depthwiseChannels(n);
            if (c > 0 && c % ALIGN != 0 && !widenings.containsKey(n.getName())) {
                Region r = p.new Region(c);
                if (r.grow(n.getInput(0)) && r.fits(widenings)) {
                    r.convs.forEach((name, w) -> widenings.merge(name, w, Widening::or));
                    r.depthwise.forEach(d -> p.padded.put(d, c + " -> " + r.width));
                }
            }
        }
        if (widenings.isEmpty()) {
            return new Result(fp32, Map.of());
        }
        GraphProto.Builder out = g.toBuilder().clearNode();
        for (NodeProto n : g.getNodeList()) {
            Widening w = widenings.get(n.getName());
            out.addNode(w == null ? n : p.widen(n, w));
        }
        out.clearInitializer().addAllInitializer(p.initializers.values());
        return new Result(fp32.toBuilder().setGraph(out).build(), Map.copyOf(p.padded));
    }

    /** The node with its weight (and bias) padded with zeros, its group widened if depthwise. */
    private NodeProto widen(NodeProto n, Widening w) {
        boolean depthwise = depthwiseChannels(n) > 0;
        TensorProto weight = initializers.get(n.getInput(1));
        TensorProto padded = w.rows > 0 ? padRows(weight, w.rows) : weight;
        // a depthwise weight has one input channel per group: only its rows grow
        initializers.put(weight.getName(), w.columns > 0 && !depthwise ? padColumns(padded, w.columns) : padded);
        if (w.rows > 0 && n.getInputCount() > 2) {
            TensorProto bias = initializers.get(n.getInput(2));
            initializers.put(bias.getName(), padRows(bias, w.rows));
        }
        if (!depthwise) {
            return n;
        }
        NodeProto.Builder b = n.toBuilder().clearAttribute();
        for (AttributeProto a : n.getAttributeList()) {
            b.addAttribute(a.getName().equals("group") ? a.toBuilder().setI(w.rows).build() : a);
        }
        return b.build();
    }

    /** The channel count of a depthwise Conv (group = channels, one input channel per group), else 0. */
    private int depthwiseChannels(NodeProto n) {
        if (!n.getOpType().equals("Conv") || n.getInputCount() < 2 || !initializers.containsKey(n.getInput(1))) {
            return 0;
        }
        TensorProto w = initializers.get(n.getInput(1));
        long group = group(n);
        return group > 1 && w.getDims(1) == 1 && w.getDims(0) == group ? (int) group : 0;
    }

    private static long group(NodeProto n) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals("group")).mapToLong(AttributeProto::getI)
                .findFirst().orElse(1);
    }

    /** How a Conv's weight grows: to {@code rows} output channels (and bias), to {@code columns} input channels; 0 = as is. */
    private record Widening(int rows, int columns) {
        Widening or(Widening o) {
            return new Widening(Math.max(rows, o.rows), Math.max(columns, o.columns));
        }

        boolean agrees(Widening o) {
            return (rows == 0 || o.rows == 0 || rows == o.rows) && (columns == 0 || o.columns == 0 || columns == o.columns);
        }
    }

    /** The tensors that carry the {@code channels} widened to {@link #width}, and the convolutions that change. */
    private final class Region {
        final int channels;
        final int width;
        final Set<String> tensors = new HashSet<>();
        final Map<String, Widening> convs = new HashMap<>();
        final List<String> depthwise = new ArrayList<>();
        private final Deque<String> todo = new ArrayDeque<>();

        Region(int channels) {
            this.channels = channels;
            this.width = (channels + ALIGN - 1) / ALIGN * ALIGN;
        }

        /** Collects the region around a depthwise input; false when it does not close. */
        boolean grow(String depthwiseInput) {
            if (!source(depthwiseInput)) {
                return false;
            }
            while (!todo.isEmpty()) {
                String t = todo.pop();
                if (outputs.contains(t)) {
                    return false;
                }
                for (NodeProto n : consumers.getOrDefault(t, List.of())) {
                    if (!follow(n, t)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Pads {@code t} from where it is made: a plain Conv with as many outputs, through channelwise ops. */
        private boolean source(String t) {
            if (tensors.contains(t)) {
                return true;
            }
            NodeProto p = producer.get(t);
            if (p == null) {
                return false;
            }
            add(t);
            if (UNARY.contains(p.getOpType())) {
                return source(p.getInput(0));
            }
            if (!p.getOpType().equals("Conv") || group(p) != 1 || initializers.get(p.getInput(1)).getDims(0) != channels) {
                return false;
            }
            convs.merge(p.getName(), new Widening(width, 0), Widening::or);
            return true;
        }

        /** How a consumer of the padded {@code t} keeps the extra channels apart. */
        private boolean follow(NodeProto n, String t) {
            String op = n.getOpType();
            if (op.equals("Conv")) {
                if (depthwiseChannels(n) == channels) {
                    if (!convs.containsKey(n.getName())) {
                        depthwise.add(n.getName());
                    }
                    convs.put(n.getName(), new Widening(width, 0));
                    add(n.getOutput(0));
                    return true;
                }
                boolean plain = group(n) == 1 && n.getInput(0).equals(t)
                        && initializers.get(n.getInput(1)).getDims(1) == channels;
                convs.merge(n.getName(), new Widening(0, width), Widening::or);
                return plain;
            }
            if (UNARY.contains(op)) {
                add(n.getOutput(0));
                return true;
            }
            if (BINARY.contains(op)) {
                add(n.getOutput(0));
                return n.getInputList().stream().allMatch(this::source);
            }
            return false;
        }

        private void add(String t) {
            if (tensors.add(t)) {
                todo.push(t);
            }
        }

        /** Whether its convolutions grow as those of the regions already taken do, or not at all. */
        boolean fits(Map<String, Widening> taken) {
            return convs.entrySet().stream().allMatch(e -> !taken.containsKey(e.getKey())
                    || taken.get(e.getKey()).agrees(e.getValue()));
        }
    }

    /** {@code t} with dimension 0 grown to {@code rows}, the new rows zero. */
    static TensorProto padRows(TensorProto t, int rows) {
        float[] v = QdqRewriter.floats(t);
        float[] out = new float[(int) (v.length / t.getDims(0) * rows)];
        System.arraycopy(v, 0, out, 0, v.length);
        return withValues(t, out, 0, rows);
    }

    /** {@code t} with dimension 1 grown to {@code columns}, the new columns zero. */
    static TensorProto padColumns(TensorProto t, int columns) {
        float[] v = QdqRewriter.floats(t);
        int rows = (int) t.getDims(0);
        int old = (int) (v.length / rows);
        int per = (int) (old / t.getDims(1));
        float[] out = new float[rows * columns * per];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * old, out, r * columns * per, old);
        }
        return withValues(t, out, 1, columns);
    }

    private static TensorProto withValues(TensorProto t, float[] values, int dim, long size) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return t.toBuilder().setDims(dim, size).setRawData(ByteString.copyFrom(raw.array())).build();
    }
}
