package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.jclas.JclasException;
import io.jclas.layers.Act;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Sequential;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The exported graph computes what the DJL forward computes, for every op and every zoo architecture. */
class OnnxExporterTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @TempDir
    Path tmp;

    @Test
    void everyOpMatchesDjlForward() throws Exception {
        assertMatches("every_op_rgb", TestNets.everyOp(3, 10), 3, 32);
        assertMatches("every_op_gray", TestNets.everyOp(1, 7), 1, 28);
    }

    /** One export-and-compare per registered architecture ({@link TestNets#zooArchitectures}). */
    @TestFactory
    Stream<DynamicTest> everyZooArchitectureMatchesDjlForward() {
        return TestNets.zooArchitectures().map(info -> DynamicTest.dynamicTest(info.name(), () -> {
            int size = info.maxInputSize() > 0 ? info.inputSize() : Math.max(32, info.minInputSize());
            Network net = Models.create(info.name(), ModelOptions.defaults().withClassNum(10).withInputSize(size));
            assertMatches(info.name(), net, 3, size);
        }));
    }

    @Test
    void graphHasNamedDynamicBatchIoAndNoBatchNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = TestNets.everyOp(3, 10);
            TestNets.randomize(net, m, 3, 32, 1);
            ModelProto model = OnnxExporter.toModel(net, 3, 32);
            assertEquals(8, model.getIrVersion());
            assertEquals(17, model.getOpsetImport(0).getVersion());
            assertEquals("image", model.getGraph().getInput(0).getName());
            assertEquals("N", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
            assertEquals("logits", model.getGraph().getOutput(0).getName());
            assertEquals(10, model.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
            assertTrue(model.getGraph().getNodeList().stream().map(NodeProto::getOpType)
                    .noneMatch(t -> t.equals("BatchNormalization")));
            assertTrue(model.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("HardSigmoid")));
        }
    }

    @Test
    void leafBlockWithRawMathIsNamed() {
        JclasException e = assertFails(new Sequential().add("conv", TestNets.conv(3, 8, 3, 1, Act.RELU))
                .add("double", new Doubler()).add("conv2", TestNets.conv(8, 8, 3, 1, Act.RELU)));
        assertTrue(e.getMessage().contains("Doubler"), e.getMessage());
        assertTrue(e.getMessage().contains("features.double"), e.getMessage());
    }

    @Test
    void djlBlockIsNamed() {
        JclasException e = assertFails(new Sequential().add("conv", TestNets.conv(3, 8, 3, 1, Act.NONE))
                .add("relu", Activation.reluBlock()));
        assertTrue(e.getMessage().contains("LambdaBlock"), e.getMessage());
    }

    @Test
    void compositeWithRawMathIsNamed() {
        JclasException e = assertFails(new Sequential().add("odd", new RawComposite()));
        assertTrue(e.getMessage().contains("RawComposite"), e.getMessage());
    }

    private JclasException assertFails(Sequential features) {
        Sequential head = new Sequential().add(new GlobalAvgPool(false)).add(new Fc(8, 4));
        Network net = new Network(features, 8, head, ModelOptions.defaults().withClassNum(4));
        try (NDManager m = NDManager.newBaseManager()) {
            TestNets.randomize(net, m, 3, 16, 1);
            return assertThrows(JclasException.class, () -> OnnxExporter.toModel(net, 3, 16));
        }
    }

    /** A leaf that multiplies without telling the trace. */
    static final class Doubler extends Layer {
        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            return x.mul(2f);
        }
    }

    /** A composite whose own arithmetic (x + x) is invisible to the trace. */
    static final class RawComposite extends Layer {
        private final Layer conv = child("conv", TestNets.conv(3, 8, 3, 1, Act.RELU));
        private final Layer conv2 = child("conv2", TestNets.conv(8, 8, 3, 1, Act.RELU));

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = apply(conv, ps, x, training);
            return apply(conv2, ps, y.add(y), training);
        }
    }

    /**
     * Exports at batch 1, then runs ONNX Runtime and DJL on the same random batch of 2 (the
     * dynamic batch axis) and compares: max |diff| < 1e-4 x max(1, max |logit|).
     */
    private void assertMatches(String name, Network net, int channels, int size) throws OrtException {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, channels, size, size);
            ai.djl.engine.Engine.getInstance().setRandomSeed(7); // the same input every run
            NDArray x = m.randomNormal(shape);
            TestNets.randomizeConditioned(net, m, x, 42);
            Path file = tmp.resolve(name + ".onnx");
            OnnxExporter.export(net, channels, size, file);
            float[] expected = net.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[] got = runOrt(file, x.toFloatArray(), shape.getShape());
            assertEquals(expected.length, got.length, name + " output size");
            double maxAbs = 0;
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                assertFalse(Float.isNaN(got[i]), name + " NaN at " + i);
                maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - got[i]));
            }
            double tolerance = 1e-4 * Math.max(1, maxAbs);
            assertTrue(maxDiff < tolerance, name + ": max |diff| " + maxDiff + " over tolerance " + tolerance);
        }
    }

    /** Runs an ONNX file on one input with ONNX Runtime; the first output. */
    static float[] runOrt(Path file, float[] input, long[] shape) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(file.toString(), opts);
                OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of("image", x))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
