package io.jclas.onnx.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.jclas.onnx.OnnxExporter;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Padding depthwise convolutions to 16 channels changes the graph's shapes but not its logits. */
class DepthwisePaddingTest {
    private static final int SIZE = 32;

    @ParameterizedTest
    @CsvSource({
        // 72, 88 and 120 of its 16 ... 576 channels; the SE blocks' gates widen with them
        "MobileNetV3_small_x1_0, features.blocks.1.bottleneck_conv/conv, 72 -> 80",
        // 58 in the stride-1 branches; the downsampling branch that reads the shuffled block input stays
        "ShuffleNetV2_x1_0, features.2_2._conv_dw, 58 -> 64",
    })
    void widensToSixteenAndKeepsTheLogits(String arch, String node, String widening) throws Exception {
        Network net = Models.create(arch, ModelOptions.defaults().withClassNum(10).withInputSize(SIZE));
        ModelProto fp32;
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.engine.Engine.getInstance().setRandomSeed(7);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            fp32 = OnnxExporter.toModel(net, 3, SIZE);
        }
        DepthwisePadding.Result r = DepthwisePadding.pad(fp32);
        assertEquals(widening, r.padded().get(node), r.padded().toString());
        if (arch.startsWith("ShuffleNet")) {
            assertTrue(!r.padded().containsKey("features.3_1._conv_dw_1"), r.padded().toString());
        }
        for (NodeProto n : r.model().getGraph().getNodeList()) {
            if (r.padded().containsKey(n.getName())) {
                long group = n.getAttributeList().stream().filter(a -> a.getName().equals("group")).findFirst()
                        .orElseThrow().getI();
                assertEquals(0, group % DepthwisePadding.ALIGN, n.getName());
            }
        }
        float[] x = new float[2 * 3 * SIZE * SIZE];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] expected = logits(fp32, x);
        float[] actual = logits(r.model(), x);
        float scale = 1;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * scale, "logit " + i);
        }
    }

    private static float[] logits(ModelProto model, float[] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 3, SIZE, SIZE});
                OrtSession.Result out = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
            FloatBuffer logits = ((OnnxTensor) out.get(0)).getFloatBuffer();
            float[] values = new float[logits.remaining()];
            logits.get(values);
            return values;
        }
    }
}
