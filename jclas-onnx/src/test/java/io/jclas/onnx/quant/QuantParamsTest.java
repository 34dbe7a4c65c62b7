package io.jclas.onnx.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QuantizeLinear / DequantizeLinear numerics against hand-computed values, and ONNX Runtime against both. */
class QuantParamsTest {
    /** Range [-1, 3]: scale 4/255, zero point round(1 / (4/255)) = round(63.75) = 64. */
    private static final QuantParams U8 = QuantParams.uint8(-1f, 3f);
    private static final float[] X = {1f, 10f, -2f, 0f, 3f, -1f};
    /** rint(63.75)+64, saturated, rint(-127.5)+64 = -64 -> 0, 64, rint(191.25)+64 -> 255, 0. */
    private static final int[] Q = {128, 255, 0, 64, 255, 0};

    @Test
    void uint8ParametersAndLevelsByHand() {
        assertEquals(4f / 255f, U8.scale(), 1e-9f);
        assertEquals(64, U8.zeroPoint());
        for (int i = 0; i < X.length; i++) {
            assertEquals(Q[i], U8.quantize(X[i]), "q(" + X[i] + ")");
        }
        assertEquals(64 * 4f / 255f, U8.dequantize(128), 1e-7f);
        assertEquals(0f, U8.dequantize(64), 0f);
    }

    @Test
    void rangeWithoutZeroIsWidenedToHoldIt() {
        QuantParams afterRelu = QuantParams.uint8(0.5f, 2.55f);
        assertEquals(0, afterRelu.zeroPoint());
        assertEquals(0.01f, afterRelu.scale(), 1e-9f);
    }

    @Test
    void symmetricInt8RoundsHalfToEven() {
        QuantParams w = QuantParams.int8Symmetric(2.54f, false);
        assertEquals(0.02f, w.scale(), 1e-9f);
        assertEquals(2, w.quantize(0.03f)); // 1.5 -> 2
        assertEquals(2, w.quantize(0.05f)); // 2.5 -> 2
        assertEquals(-127, w.quantize(-3f));
        assertEquals(63, QuantParams.int8Symmetric(2.54f, true).quantize(5f));
        assertEquals(2.54f / 63, QuantParams.int8Symmetric(2.54f, true).scale(), 1e-9f);
    }

    @Test
    void onnxRuntimeQuantizesAsComputedByHand() throws Exception {
        float[] got = run(qdqGraph());
        float[] expected = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = U8.dequantize(Q[i]);
        }
        assertArrayEquals(expected, got, 1e-6f);
    }

    /** x -> QuantizeLinear(4/255, 64) -> DequantizeLinear -> y. */
    private static ModelProto qdqGraph() {
        TypeProto floats = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(ai.onnx.proto.OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(X.length))))
                .build();
        ByteBuffer scale = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(U8.scale());
        GraphProto g = GraphProto.newBuilder().setName("qdq")
                .addInput(ValueInfoProto.newBuilder().setName("x").setType(floats))
                .addOutput(ValueInfoProto.newBuilder().setName("y").setType(floats))
                .addInitializer(TensorProto.newBuilder().setName("s").setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .setRawData(ByteString.copyFrom(scale.array())))
                .addInitializer(TensorProto.newBuilder().setName("z").setDataType(TensorProto.DataType.UINT8.getNumber())
                        .setRawData(ByteString.copyFrom(new byte[] {(byte) U8.zeroPoint()})))
                .addNode(NodeProto.newBuilder().setOpType("QuantizeLinear").addInput("x").addInput("s").addInput("z")
                        .addOutput("q"))
                .addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").addInput("q").addInput("s").addInput("z")
                        .addOutput("y"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).build();
    }

    private static float[] run(ModelProto model) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(X), new long[] {X.length});
                OrtSession.Result r = s.run(Map.of("x", x))) {
            return (float[]) r.get(0).getValue();
        }
    }
}
