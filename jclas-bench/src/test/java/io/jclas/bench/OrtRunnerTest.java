package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX Runtime side of the latency dimension on a one-node model (no exporter needed). */
class OrtRunnerTest {
    @Test
    void runsAnyBatchOfADynamicBatchModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("relu.onnx");
        Files.write(model, reluModel().toByteArray());
        for (int batch : new int[] {1, 3}) {
            try (ForwardRunner runner = new OrtRunner(model, 2, new float[batch * 4], new long[] {batch, 4})) {
                double[] ms = LatencyMeter.sample(runner, 1, 2);
                assertEquals(2, ms.length);
                assertTrue(ms[0] >= 0);
            }
        }
        assertFalse(OrtRunner.version().isBlank());
    }

    private static OnnxMl.ModelProto reluModel() {
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setShape(OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(4)))).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("relu")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("x").addOutput("y"))
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(type)).build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13)).build();
    }
}
