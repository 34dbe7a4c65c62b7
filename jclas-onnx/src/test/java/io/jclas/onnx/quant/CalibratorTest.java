package io.jclas.onnx.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.jclas.data.Batch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calibrated ranges on a graph whose activations are known, and the percentile and entropy thresholds on a known histogram. */
class CalibratorTest {
    @Test
    void minMaxRangesOfKnownActivations() {
        // image [1,1,2,2] -> Conv 1x1 (w 2, b -1) -> y = 2x - 1 -> Relu -> r
        Batch a = new Batch(new float[] {-1f, 0.5f, 2f, 3f}, 1, 1, 2, 2, new int[1], null);
        Batch b = new Batch(new float[] {0f, 0f, -2f, 1f}, 1, 1, 2, 2, new int[1], null);
        QdqPlan plan = new QdqPlan(convRelu().getGraph(), Set.of());
        // a Conv on the image stays float (QdqPlan.floatStems); its Q goes after the Relu (ORT drops
        // the Relu then), so neither the image nor the conv output itself is calibrated
        assertEquals(List.of("y"), plan.floatStems);
        assertEquals(Set.of("r"), plan.calibrated, plan.calibrated.toString());
        Map<String, float[]> ranges = Calibrator.ranges(convRelu(), Set.of("image", "y", "r"), List.of(a, b),
                CalibrationMethod.MINMAX);
        assertArrayEquals(new float[] {-2f, 3f}, ranges.get("image"));
        assertArrayEquals(new float[] {-5f, 5f}, ranges.get("y"));
        assertArrayEquals(new float[] {0f, 5f}, ranges.get("r"));
    }

    @Test
    void percentileAndEntropyClipAnOutlier() {
        RangeStats s = new RangeStats();
        float[] values = new float[10001];
        for (int i = 0; i < 10000; i++) {
            values[i] = (i + 1) / 10000f;
        }
        values[10000] = 100f;
        s.addMinMax(values);
        s.addHistogram(values);
        assertArrayEquals(new float[] {1e-4f, 100f}, s.range(CalibrationMethod.MINMAX));
        // bins of 100/2048: the 99.99th percentile (10000 of 10001 values) is in the bin holding 1.0
        float percentile = s.range(CalibrationMethod.PERCENTILE)[1];
        assertTrue(percentile > 1f && percentile < 1f + 100f / 2048, "percentile threshold " + percentile);
        // never negative, so 255 levels: the KL search starts at 255 bins (12.45), and clipping the one
        // outlier costs less than spreading the levels up to 100
        float entropy = s.range(CalibrationMethod.ENTROPY)[1];
        assertTrue(entropy >= 255 * 100f / 2048 && entropy < 20f, "entropy threshold " + entropy);
    }

    private static ModelProto convRelu() {
        TypeProto floats = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
        GraphProto g = GraphProto.newBuilder().setName("conv_relu")
                .addInput(ValueInfoProto.newBuilder().setName("image").setType(floats))
                .addOutput(ValueInfoProto.newBuilder().setName("logits").setType(floats))
                .addInitializer(floats("w", new long[] {1, 1, 1, 1}, 2f))
                .addInitializer(floats("b", new long[] {1}, -1f))
                .addNode(NodeProto.newBuilder().setName("y").setOpType("Conv").addInput("image").addInput("w")
                        .addInput("b").addOutput("y"))
                .addNode(NodeProto.newBuilder().setName("r").setOpType("Relu").addInput("y").addOutput("r"))
                .addNode(NodeProto.newBuilder().setName("logits").setOpType("Identity").addInput("r").addOutput("logits"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).build();
    }

    private static TensorProto floats(String name, long[] dims, float value) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value)
                        .array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
