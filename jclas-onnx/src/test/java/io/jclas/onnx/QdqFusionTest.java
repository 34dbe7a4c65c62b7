package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.jclas.onnx.quant.CalibrationData;
import io.jclas.onnx.quant.QuantizeOptions;
import io.jclas.onnx.quant.Quantizer;
import io.jclas.zoo.Models;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime turns the QDQ graph into integer kernels, not back into float convolutions. */
class QdqFusionTest {
    @TempDir
    Path tmp;

    @Test
    void ortFusesResNetIntoIntegerKernels() throws Exception {
        Map<String, Integer> ops = optimizedOps("ResNet18_vd");
        System.out.println("ResNet18_vd optimized: " + ops);
        assertTrue(ops.getOrDefault("QLinearConv", 0) >= 20, ops.toString());
    }

    @Test
    void ortFusesShuffleNetIntoIntegerKernels() throws Exception {
        Map<String, Integer> ops = optimizedOps("ShuffleNetV2_x1_0");
        System.out.println("ShuffleNetV2_x1_0 optimized: " + ops);
        assertTrue(ops.getOrDefault("QLinearConv", 0) >= 20, ops.toString());
    }

    @Test
    void ortFusesMobileNetV3IntoIntegerKernels() throws Exception {
        Map<String, Integer> ops = optimizedOps("MobileNetV3_small_x1_0");
        System.out.println("MobileNetV3_small_x1_0 optimized: " + ops);
        assertTrue(ops.getOrDefault("QLinearConv", 0) >= 20, ops.toString());
        // hard-swish and SE run as QLinearAdd/QLinearMul: no float HardSigmoid left, and no DQ/Q
        // pairs around float islands (the float stem's output Q and the head's dropout scale remain)
        assertEquals(0, ops.getOrDefault("HardSigmoid", 0), ops.toString());
        assertTrue(ops.getOrDefault("QLinearMul", 0) >= 20, ops.toString());
        assertTrue(ops.getOrDefault("DequantizeLinear", 0) <= 2 && ops.getOrDefault("QuantizeLinear", 0) <= 2,
                ops.toString());
    }

    @Test
    void ortFusesGhostNetIntoIntegerKernels() throws Exception {
        Map<String, Integer> ops = optimizedOps("GhostNet_x1_0");
        System.out.println("GhostNet_x1_0 optimized: " + ops);
        assertTrue(ops.getOrDefault("QLinearConv", 0) >= 20, ops.toString());
    }

    @Test
    void eachZeroPointIsWrittenOnce() throws Exception {
        // the fusions above run on these shared constants; a copy per Q/DQ pair would cost about
        // 45 bytes each, 1.2% of ShuffleNetV2's int8 file
        Set<String> contents = new HashSet<>();
        int zeroPoints = 0;
        for (TensorProto t : quantized("ShuffleNetV2_x1_0").getGraph().getInitializerList()) {
            if (t.getName().startsWith("zero_point")) {
                zeroPoints++;
                assertTrue(contents.add(t.getDataType() + " " + t.getDimsList() + " " + t.getRawData()), t.getName());
            }
        }
        // uint8 activations mostly at 0 (after a Relu), int8 weights in one per channel count
        assertTrue(zeroPoints > 0 && zeroPoints < 40, "zero-point initializers: " + zeroPoints);
    }

    /** The op types, with counts, of the graph ORT runs after ORT_ENABLE_ALL. */
    private Map<String, Integer> optimizedOps(String name) throws Exception {
        Path optimized = tmp.resolve(name + "_optimized.onnx");
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setOptimizedModelFilePath(optimized.toString());
            OrtEnvironment.getEnvironment().createSession(quantized(name).toByteArray(), opts).close();
        }
        Map<String, Integer> ops = new TreeMap<>();
        for (NodeProto n : ModelProto.parseFrom(Files.readAllBytes(optimized)).getGraph().getNodeList()) {
            ops.merge(n.getOpType(), 1, Integer::sum);
        }
        return ops;
    }

    /** The zoo model with random weights at 32x32, quantized with the default options. */
    private static ModelProto quantized(String name) throws Exception {
        int size = 32;
        Network net = Models.create(name, ModelOptions.defaults().withClassNum(10).withInputSize(size));
        try (NDManager m = NDManager.newBaseManager()) {
            TestNets.randomize(net, m, 3, size, 42);
            ModelProto fp32 = OnnxExporter.toModel(net, 3, size);
            CalibrationData data = new CalibrationData(QuantizedZooTest.batches(1, 1, 8, size),
                    QuantizedZooTest.batches(2, 1, 8, size));
            return Quantizer.quantize(fp32, data, QuantizeOptions.defaults()).model();
        }
    }
}
