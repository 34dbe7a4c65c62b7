package io.jclas.onnx.quant;

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
 *   <li>Conv, Gemm, Add, AveragePool, GlobalAveragePool, Concat ({@link #COMPUTE}): DQ on their
 *       activation inputs, Q on their output (QLinearConv, QGemm, QLinearAdd, ...). A Conv or Gemm
 *       whose output goes only to a Relu or Clip has the Q after the activation, which ORT then
 *       drops (the uint8 range already clips at 0).
 *   <li>MaxPool, Reshape, Transpose, Slice, Flatten ({@link #PASS_THROUGH}) run on uint8 when
 *       their input is quantized: their output shares the input's scale, so ORT removes the pair.
 *   <li>Everything else (HardSwish, HardSigmoid, Sigmoid, SE's Mul) stays float: ORT has no
 *       integer kernel for them and a DQ/Q around each would cost more than it saves.
 *   <li>The head (every node from which the graph output follows without another Conv) and the
 *       nodes named in {@code exclude} stay float.
 * </ul>
 */
final class QdqPlan {
    static final Set<String> COMPUTE = Set.of("Conv", "Gemm", "Add", "AveragePool", "GlobalAveragePool", "Concat");
    static final Set<String> PASS_THROUGH = Set.of("MaxPool", "Reshape", "Transpose", "Slice", "Flatten");
    private static final Set<String> CLIPPING = Set.of("Relu", "Clip");

    /** Tensors quantized with their own calibrated range. */
    final Set<String> calibrated = new LinkedHashSet<>();
    /** Tensors that reuse another tensor's parameters (a pass-through op's output → its input). */
    final Map<String, String> sharing = new LinkedHashMap<>();
    /** Quantizable nodes kept float because the user excluded them, by name. */
    final List<String> floatNodes = new ArrayList<>();
    /** How many nodes of each op type without an integer kernel stay float (HardSwish, Sigmoid, Mul, ...). */
    final Map<String, Integer> floatOps = new TreeMap<>();
    /** The quantized Conv and Gemm nodes, by name, and their weight initializers. */
    final Set<String> weighted = new HashSet<>();
    final Set<String> weights = new HashSet<>();

    QdqPlan(GraphProto graph, Set<String> exclude) {
        Map<String, List<NodeProto>> consumers = new HashMap<>();
        for (NodeProto n : graph.getNodeList()) {
            n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        Set<String> quantized = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            if (!COMPUTE.contains(n.getOpType()) && !PASS_THROUGH.contains(n.getOpType())
                    && !CLIPPING.contains(n.getOpType())) {
                floatOps.merge(n.getOpType(), 1, Integer::sum);
            }
            if (exclude.contains(n.getName()) && (COMPUTE.contains(n.getOpType()) || PASS_THROUGH.contains(n.getOpType()))) {
                floatNodes.add(n.getName());
                continue;
            }
            if (COMPUTE.contains(n.getOpType())) {
                for (String in : n.getInputList()) {
                    if (initializers.contains(in)) {
                        continue;
                    }
                    if (quantized.add(in)) {
                        calibrated.add(in);
                    }
                }
                if (n.getOpType().equals("Conv") || n.getOpType().equals("Gemm")) {
                    weighted.add(n.getName());
                    weights.add(n.getInput(1));
                }
                String out = n.getOutput(0);
                List<NodeProto> next = consumers.getOrDefault(out, List.of());
                if (next.size() == 1 && CLIPPING.contains(next.get(0).getOpType())
                        && !exclude.contains(next.get(0).getName())) {
                    out = next.get(0).getOutput(0);
                }
                if (quantized.add(out)) {
                    calibrated.add(out);
                }
            } else if (PASS_THROUGH.contains(n.getOpType()) && quantized.contains(n.getInput(0))) {
                String out = n.getOutput(0);
                if (quantized.add(out)) {
                    sharing.put(out, n.getInput(0));
                }
            }
        }
        // the graph output stays float: the logits are what the user reads
        graph.getOutputList().forEach(o -> {
            calibrated.remove(o.getName());
            sharing.remove(o.getName());
        });
    }

    /** Every tensor that gets a Q/DQ pair. */
    Set<String> quantizedTensors() {
        Set<String> all = new LinkedHashSet<>(calibrated);
        all.addAll(sharing.keySet());
        return all;
    }
}
