package io.jclas.onnx.quant;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which nodes of an fp32 graph run in int8 and which tensors get a QuantizeLinear/DequantizeLinear
 * pair, placed so that ONNX Runtime's QDQ fusions turn them into integer kernels on x86:
 *
 * <ul>
 *   <li>Conv, Gemm, Add, Mul, Sigmoid, AveragePool, GlobalAveragePool, Concat ({@link #COMPUTE}):
 *       DQ on their activation inputs, Q on their output (QLinearConv, QGemm, QLinearAdd,
 *       QLinearMul, QLinearSigmoid, ...). A Conv or Gemm whose output goes only to a Relu or Clip
 *       has the Q after the activation, which ORT then drops (the uint8 range already clips at 0).
 *       An Add or Mul with a constant input (dropout's inference scale) stays float: ORT fuses
 *       only two quantized activations.
 *   <li>HardSigmoid and HardSwish on a quantized input ({@link #HARD_SIGMOIDS}) run as integer
 *       ops ORT has: see {@link QdqRewriter}; their own kernels have no integer version, and the
 *       DQ/Q pair around a float one cost MobileNetV3 more than the float op itself.
 *   <li>MaxPool, Reshape, Transpose, Slice, Flatten ({@link #PASS_THROUGH}) run on uint8 when
 *       their input is quantized: their output shares the input's scale, so ORT removes the pair.
 *   <li>A Conv on the graph input (the image's 1-3 channels) stays float, with a Q on its output:
 *       its dot products are 9-27 long, too short for ORT's int8 GEMM, while ORT's fp32 NCHWc
 *       kernel has a direct path for it (measured: 0.36 ms int8 against 0.10 ms fp32 plus 0.08 ms
 *       of layout reorder for MobileNetV3_large's stem at 224, batch 1). Not when a MaxPool
 *       follows ({@link #feedsMaxPool}).
 *   <li>Everything else stays float, as do the graph output (the logits) and the nodes named in
 *       {@code exclude}.
 * </ul>
 */
final class QdqPlan {
    static final Set<String> COMPUTE = Set.of("Conv", "Gemm", "Add", "Mul", "Sigmoid", "AveragePool",
            "GlobalAveragePool", "Concat");
    static final Set<String> HARD_SIGMOIDS = Set.of("HardSigmoid", "HardSwish");
    static final Set<String> PASS_THROUGH = Set.of("MaxPool", "Reshape", "Transpose", "Slice", "Flatten");
    private static final Set<String> BINARY = Set.of("Add", "Mul");
    private static final Set<String> CLIPPING = Set.of("Relu", "Clip");

    /** Tensors quantized with their own calibrated range. */
    final Set<String> calibrated = new LinkedHashSet<>();
    /** Tensors that reuse another tensor's parameters (a pass-through op's output → its input). */
    final Map<String, String> sharing = new LinkedHashMap<>();
    /** Quantizable nodes kept float because the user excluded them, by name. */
    final List<String> floatNodes = new ArrayList<>();
    /** Convolutions on the graph input, kept float (faster), by name. */
    final List<String> floatStems = new ArrayList<>();
    /** How many nodes of each op type stay float (no integer kernel, or a float neighbour). */
    final Map<String, Integer> floatOps = new TreeMap<>();
    /** The HardSigmoid and HardSwish nodes rewritten to integer ops, by name, and their counts by type. */
    final Set<String> hardSigmoids = new HashSet<>();
    final Map<String, Integer> integerForms = new TreeMap<>();
    /** The quantized Conv and Gemm nodes, by name, and their weight initializers. */
    final Set<String> weighted = new HashSet<>();
    final Set<String> weights = new HashSet<>();

    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Set<String> initializers = new HashSet<>();
    private final Set<String> inputs = new HashSet<>();
    private final Set<String> exclude;
    private final Set<String> quantized = new HashSet<>();

    QdqPlan(GraphProto graph, Set<String> exclude) {
        this.exclude = exclude;
        for (NodeProto n : graph.getNodeList()) {
            n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        graph.getInputList().forEach(i -> inputs.add(i.getName()));
        for (NodeProto n : graph.getNodeList()) {
            place(n);
        }
        // the graph output stays float: the logits are what the user reads
        graph.getOutputList().forEach(o -> {
            calibrated.remove(o.getName());
            sharing.remove(o.getName());
        });
    }

    private void place(NodeProto n) {
        String op = n.getOpType();
        boolean quantizable = COMPUTE.contains(op) || PASS_THROUGH.contains(op) || HARD_SIGMOIDS.contains(op);
        if (exclude.contains(n.getName()) && quantizable) {
            floatNodes.add(n.getName());
        } else if (op.equals("Conv") && inputs.contains(n.getInput(0)) && !feedsMaxPool(n)) {
            floatStems.add(n.getName());
            quantizeOutput(n);
        } else if (COMPUTE.contains(op) && !(BINARY.contains(op) && n.getInputList().stream().anyMatch(initializers::contains))) {
            for (String in : n.getInputList()) {
                if (!initializers.contains(in) && quantized.add(in)) {
                    calibrated.add(in);
                }
            }
            if (op.equals("Conv") || op.equals("Gemm")) {
                weighted.add(n.getName());
                weights.add(n.getInput(1));
            }
            quantizeOutput(n);
        } else if (HARD_SIGMOIDS.contains(op) && quantized.contains(n.getInput(0)) && hardSigmoid(n) != null) {
            hardSigmoids.add(n.getName());
            integerForms.merge(op, 1, Integer::sum);
            if (op.equals("HardSigmoid")) {
                quantized.add(n.getOutput(0)); // its parameters are fixed: [0, 1] in 255 steps
            } else {
                quantizeOutput(n);
            }
        } else if (PASS_THROUGH.contains(op) && quantized.contains(n.getInput(0))) {
            if (quantized.add(n.getOutput(0))) {
                sharing.put(n.getOutput(0), n.getInput(0));
            }
        } else if (!CLIPPING.contains(op)) {
            floatOps.merge(op, 1, Integer::sum);
        }
    }

    /** A Q on the node's output, or after the Relu or Clip that alone reads it. */
    private void quantizeOutput(NodeProto n) {
        NodeProto next = soleConsumer(n);
        String out = next != null && CLIPPING.contains(next.getOpType()) && !exclude.contains(next.getName())
                ? next.getOutput(0) : n.getOutput(0);
        if (quantized.add(out)) {
            calibrated.add(out);
        }
    }

    /**
     * Whether the Conv's output (after its Relu or Clip) goes to a MaxPool. Then the stem stays
     * int8: ORT moves the Q of a float stem before the MaxPool, which then runs on uint8 in NCHW,
     * 13 times slower than the NHWC uint8 MaxPool it gets behind a QLinearConv (measured on
     * ShuffleNetV2_x1_0 at 224: 0.58 ms against 0.044 ms, more than the float stem saves).
     */
    private boolean feedsMaxPool(NodeProto conv) {
        NodeProto next = soleConsumer(conv);
        if (next != null && CLIPPING.contains(next.getOpType())) {
            next = soleConsumer(next);
        }
        return next != null && next.getOpType().equals("MaxPool");
    }

    private NodeProto soleConsumer(NodeProto n) {
        List<NodeProto> next = consumers.getOrDefault(n.getOutput(0), List.of());
        return next.size() == 1 ? next.get(0) : null;
    }

    /**
     * {alpha, beta} of a HardSigmoid (ONNX defaults 0.2, 0.5) or HardSwish (1/6, 1/2), or null
     * when the integer form does not apply (it shifts by beta/alpha with a uint8 constant, so
     * both must be positive).
     */
    static float[] hardSigmoid(NodeProto n) {
        if (n.getOpType().equals("HardSwish")) {
            return new float[] {1f / 6, 0.5f};
        }
        float alpha = 0.2f;
        float beta = 0.5f;
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals("alpha")) {
                alpha = a.getF();
            } else if (a.getName().equals("beta")) {
                beta = a.getF();
            }
        }
        return alpha > 0 && beta > 0 ? new float[] {alpha, beta} : null;
    }

    /** Every tensor that gets a Q/DQ pair. */
    Set<String> quantizedTensors() {
        Set<String> all = new LinkedHashSet<>(calibrated);
        all.addAll(sharing.keySet());
        return all;
    }
}
