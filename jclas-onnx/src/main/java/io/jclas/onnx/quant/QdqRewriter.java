package io.jclas.onnx.quant;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an fp32 graph into a QDQ graph by a {@link QdqPlan}: each quantized activation gets
 * {@code QuantizeLinear → DequantizeLinear} right after it is produced (uint8, per-tensor, from its
 * calibrated range); each quantized Conv/Gemm weight becomes an int8 initializer with a
 * DequantizeLinear (symmetric, per output channel by default) and its bias an int32 initializer of
 * scale {@code input scale × weight scale}, the form ORT's QLinearConv/QGemm fusion requires.
 */
final class QdqRewriter {
    private final QdqPlan plan;
    private final Map<String, float[]> ranges;
    private final boolean perChannel;
    private final boolean reduceRange;
    /** Activation parameters by tensor, in graph order (written to quantization.json). */
    final Map<String, QuantParams> activations = new LinkedHashMap<>();
    private final Map<String, TensorProto> floatWeights = new HashMap<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    /** The zero-point initializers written so far, by name: one per type, shape and value, shared. */
    private final Set<String> zeroPoints = new HashSet<>();

    QdqRewriter(QdqPlan plan, Map<String, float[]> ranges, boolean perChannel, boolean reduceRange) {
        this.plan = plan;
        this.ranges = ranges;
        this.perChannel = perChannel;
        this.reduceRange = reduceRange;
    }

    ModelProto rewrite(ModelProto fp32) {
        GraphProto graph = fp32.getGraph();
        for (String t : plan.quantizedTensors()) {
            activations.put(t, params(t));
        }
        Map<String, String> renamed = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (plan.weights.contains(t.getName())) {
                floatWeights.put(t.getName(), t);
            } else {
                initializers.add(t);
            }
        }
        graph.getInputList().forEach(i -> quantizeActivation(i.getName(), renamed));
        for (NodeProto n : graph.getNodeList()) {
            NodeProto.Builder b = n.toBuilder();
            if (plan.weighted.contains(n.getName())) {
                quantizeWeights(b);
            }
            for (int i = 0; i < b.getInputCount(); i++) {
                b.setInput(i, renamed.getOrDefault(b.getInput(i), b.getInput(i)));
            }
            if (plan.hardSigmoids.contains(n.getName())) {
                integerHardSigmoid(b.build(), renamed);
            } else {
                nodes.add(b.build());
                quantizeActivation(n.getOutput(0), renamed);
            }
        }
        GraphProto.Builder g = graph.toBuilder().clearNode().clearInitializer()
                .addAllNode(nodes).addAllInitializer(initializers);
        return fp32.toBuilder().setGraph(g).build();
    }

    private QuantParams params(String tensor) {
        String source = tensor;
        while (plan.sharing.containsKey(source)) {
            source = plan.sharing.get(source);
        }
        float[] range = ranges.get(source);
        return QuantParams.uint8(range[0], range[1]);
    }

    /** Adds Q → DQ after {@code tensor} when the plan quantizes it; its consumers then read the DQ output. */
    private void quantizeActivation(String tensor, Map<String, String> renamed) {
        QuantParams p = activations.get(tensor);
        if (p != null) {
            renamed.put(tensor, quantizeDequantize(tensor, tensor, p.scale(), p));
        }
    }

    /**
     * HardSigmoid(x) = clip(alpha (x + beta/alpha), 0, 1) and HardSwish(x) = x HardSigmoid(x) in
     * ops ORT runs on uint8: an Add of the constant beta/alpha (QLinearAdd), quantized with scale
     * 1/(255 alpha), whose uint8 saturation is the clip, and read back with scale 1/255, which is
     * the multiplication by alpha; HardSwish then multiplies x by it (QLinearMul).
     */
    private void integerHardSigmoid(NodeProto n, Map<String, String> renamed) {
        float[] alphaBeta = QdqPlan.hardSigmoid(n);
        String x = n.getInput(0);
        String out = n.getOutput(0);
        boolean swish = n.getOpType().equals("HardSwish");
        String sigmoid = swish ? out + "/hard_sigmoid" : out;
        float shift = alphaBeta[1] / alphaBeta[0];
        QuantParams c = QuantParams.uint8(shift, shift);
        initializers.add(tensor(sigmoid + "/shift_quantized", TensorProto.DataType.UINT8, new long[0],
                new byte[] {(byte) c.quantize(shift)}));
        String cZero = uint8ZeroPoint(c.zeroPoint());
        nodes.add(node("DequantizeLinear", sigmoid + "/shift",
                List.of(sigmoid + "/shift_quantized", scalarFloat(sigmoid + "/shift_scale", c.scale()), cZero)));
        nodes.add(node("Add", sigmoid + "/shifted", List.of(x, sigmoid + "/shift")));
        QuantParams unit = QuantParams.uint8(0f, 1f);
        activations.put(sigmoid, unit);
        String h = quantizeDequantize(sigmoid + "/shifted", sigmoid, unit.scale() / alphaBeta[0], unit);
        if (swish) {
            nodes.add(n.toBuilder().setOpType("Mul").clearInput().addInput(x).addInput(h).clearAttribute().build());
            quantizeActivation(out, renamed);
        } else {
            renamed.put(out, h);
        }
    }

    /**
     * {@code input → QuantizeLinear → DequantizeLinear} named after {@code name}, the Q with
     * {@code quantizeScale}, the DQ with {@code p}'s scale (the same but for a HardSigmoid);
     * returns the DQ output.
     */
    private String quantizeDequantize(String input, String name, float quantizeScale, QuantParams p) {
        String scale = scalarFloat(name + "_scale", p.scale());
        String qScale = quantizeScale == p.scale() ? scale : scalarFloat(name + "_quantize_scale", quantizeScale);
        String zero = uint8ZeroPoint(p.zeroPoint());
        nodes.add(node("QuantizeLinear", name + "_quantized", List.of(input, qScale, zero)));
        nodes.add(node("DequantizeLinear", name + "_dequantized", List.of(name + "_quantized", scale, zero)));
        return name + "_dequantized";
    }

    /** Replaces the float weight (and bias) of a Conv or Gemm by int8 (int32) initializers behind a DQ. */
    private void quantizeWeights(NodeProto.Builder node) {
        TensorProto w = floatWeights.get(node.getInput(1));
        float[] values = floats(w);
        int channels = perChannel ? (int) w.getDims(0) : 1;
        int per = values.length / channels;
        float[] scales = new float[channels];
        byte[] q = new byte[values.length];
        for (int c = 0; c < channels; c++) {
            float absMax = 0f;
            for (int i = c * per; i < (c + 1) * per; i++) {
                absMax = Math.max(absMax, Math.abs(values[i]));
            }
            QuantParams p = QuantParams.int8Symmetric(absMax, reduceRange);
            scales[c] = p.scale();
            for (int i = c * per; i < (c + 1) * per; i++) {
                q[i] = (byte) p.quantize(values[i]);
            }
        }
        long[] dims = w.getDimsList().stream().mapToLong(Long::longValue).toArray();
        initializers.add(tensor(w.getName() + "_quantized", TensorProto.DataType.INT8, dims, q));
        node.setInput(1, dequantize(w.getName(), scales, true));
        if (node.getInputCount() > 2) {
            node.setInput(2, quantizeBias(node.getInput(2), activations.get(node.getInput(0)).scale(), scales));
        }
    }

    /** The bias as int32 of scale (input scale × weight scale of its channel), zero point 0. */
    private String quantizeBias(String name, float inputScale, float[] weightScales) {
        TensorProto bias = initializer(name);
        float[] values = floats(bias);
        float[] scales = new float[values.length];
        ByteBuffer q = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < values.length; c++) {
            scales[c] = inputScale * weightScales[weightScales.length == 1 ? 0 : c];
            q.putInt((int) Math.rint(values[c] / scales[c]));
        }
        initializers.remove(bias);
        initializers.add(tensor(name + "_quantized", TensorProto.DataType.INT32, new long[] {values.length}, q.array()));
        return dequantize(name, scales, false);
    }

    /**
     * DequantizeLinear of the symmetric {@code name}_quantized: along axis 0 when there is a scale
     * per channel, else per tensor. The int8 zero point of weights is written (ORT's QGemm wants
     * one per scale), as one all-zero tensor shared by the weights of as many channels; the int32
     * one of biases is left out (ONNX's default 0), four bytes a channel.
     */
    private String dequantize(String name, float[] scales, boolean int8ZeroPoint) {
        boolean perAxis = scales.length > 1;
        long[] dims = perAxis ? new long[] {scales.length} : new long[0];
        String s = name + "_scale";
        initializers.add(floatTensor(s, dims, scales));
        List<String> inputs = new ArrayList<>(List.of(name + "_quantized", s));
        if (int8ZeroPoint) {
            inputs.add(sharedZeroPoint("zero_point_int8" + (perAxis ? "_x" + scales.length : ""),
                    TensorProto.DataType.INT8, dims, new byte[scales.length]));
        }
        NodeProto.Builder dq = NodeProto.newBuilder().setOpType("DequantizeLinear").setName(name + "_dequantized")
                .addAllInput(inputs).addOutput(name + "_dequantized");
        if (perAxis) {
            dq.addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(0));
        }
        nodes.add(dq.build());
        return name + "_dequantized";
    }

    /** The uint8 scalar zero point of this value, shared ({@link #sharedZeroPoint}). */
    private String uint8ZeroPoint(int value) {
        return sharedZeroPoint("zero_point_uint8_" + value, TensorProto.DataType.UINT8, new long[0],
                new byte[] {(byte) value});
    }

    /**
     * The zero point named {@code name} (its name says its type, shape and value), written once and
     * shared: identical constants would cost about 45 bytes each in the file (ORT shares them at load
     * time anyway).
     */
    private String sharedZeroPoint(String name, TensorProto.DataType type, long[] dims, byte[] raw) {
        if (zeroPoints.add(name)) {
            initializers.add(tensor(name, type, dims, raw));
        }
        return name;
    }

    private TensorProto initializer(String name) {
        return initializers.stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no initializer " + name));
    }

    private String scalarFloat(String name, float value) {
        initializers.add(floatTensor(name, new long[0], new float[] {value}));
        return name;
    }

    private static NodeProto node(String op, String output, List<String> inputs) {
        return NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs).addOutput(output).build();
    }

    private static TensorProto floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(name, TensorProto.DataType.FLOAT, dims, raw.array());
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, long[] dims, byte[] raw) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        return t.setRawData(ByteString.copyFrom(raw)).build();
    }

    /** The values of a float initializer stored as raw little-endian data (as jclas's exporter writes them). */
    static float[] floats(TensorProto t) {
        float[] values = new float[t.getRawData().size() / Float.BYTES];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
