package io.jclas.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph under construction: nodes in execution order, weights as initializers, unique
 * tensor names. Knows the protobuf classes; knows nothing of jclas layers.
 */
final class OnnxGraph {
    static final long IR_VERSION = 8;
    static final long OPSET = 17;
    /** The symbolic batch dimension of the input and the output. */
    static final String BATCH = "N";
    /** The producer name of jclas's exports, which tells them from foreign models. */
    static final String PRODUCER = "jclas";

    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<Float, String> scalars = new HashMap<>();

    /** A graph in which {@code reserved} (the input and output names) name no node and no weight. */
    OnnxGraph(String... reserved) {
        names.addAll(List.of(reserved));
    }

    /**
     * Appends a node with one output named after {@code prefix}; returns the output's name.
     */
    String node(String opType, String prefix, List<String> inputs, AttributeProto... attributes) {
        String out = unique(prefix);
        NodeProto.Builder n = NodeProto.newBuilder()
                .setOpType(opType)
                .setName(out)
                .addAllInput(inputs)
                .addOutput(out);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        nodes.add(n);
        return out;
    }

    /** A float initializer of the given shape; returns its (unique) name. */
    String floats(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return initializer(name, TensorProto.DataType.FLOAT, dims, raw);
    }

    /** A 1-D int64 initializer (shapes, slice bounds); returns its name. */
    String longs(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(name, TensorProto.DataType.INT64, new long[] {values.length}, raw);
    }

    /** A float scalar (rank 0), shared by every node that uses the same value. */
    String scalar(float value) {
        return scalars.computeIfAbsent(value, v -> floats("const_" + v, new long[0], new float[] {v}));
    }

    private String initializer(String name, TensorProto.DataType type, long[] dims, ByteBuffer raw) {
        String unique = unique(name);
        TensorProto.Builder t = TensorProto.newBuilder().setName(unique).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        raw.rewind();
        initializers.add(t.setRawData(ByteString.copyFrom(raw)).build());
        return unique;
    }

    private String unique(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * The finished model. The tensor {@code result} becomes the graph output {@code outputName}
     * (renamed where it is produced, or passed through an Identity when it is the input itself).
     *
     * @param inputDims input dimensions after the batch one
     * @param outputDims output dimensions after the batch one
     */
    ModelProto model(String graphName, String inputName, long[] inputDims, String result, String outputName,
            long[] outputDims) {
        String produced = result;
        if (produced.equals(inputName)) {
            produced = node("Identity", outputName + "_identity", List.of(inputName));
        }
        for (NodeProto.Builder n : nodes) {
            for (int i = 0; i < n.getInputCount(); i++) {
                if (n.getInput(i).equals(produced)) {
                    n.setInput(i, outputName);
                }
            }
            for (int i = 0; i < n.getOutputCount(); i++) {
                if (n.getOutput(i).equals(produced)) {
                    n.setOutput(i, outputName);
                }
            }
        }
        GraphProto.Builder g = GraphProto.newBuilder()
                .setName(graphName)
                .addInput(batched(inputName, inputDims))
                .addOutput(batched(outputName, outputDims))
                .addAllInitializer(initializers);
        nodes.forEach(n -> g.addNode(n.build()));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setGraph(g)
                .build();
    }

    private static ValueInfoProto batched(String name, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(shape)
                .build();
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
