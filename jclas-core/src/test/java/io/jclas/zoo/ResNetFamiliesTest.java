package io.jclas.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.analysis.ModelStats;
import io.jclas.layers.Fc;
import io.jclas.layers.OpType;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Trace;
import io.jclas.layers.ConvBnAct;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Focused checks of the ResNet, SE-ResNeXt, DarkNet, AlexNet and SqueezeNet families. */
class ResNetFamiliesTest {
    private static final List<String> ARCHITECTURES = List.of(
            "ResNet18", "ResNet34", "ResNet50", "ResNet101", "ResNet152",
            "ResNet18_vd", "ResNet34_vd", "ResNet50_vd", "ResNet50_vc", "ResNet101_vd", "ResNet152_vd",
            "ResNet200_vd", "SE_ResNeXt50_32x4d", "SE_ResNeXt50_vd_32x4d", "SENet154_vd",
            "DarkNet53", "AlexNet", "SqueezeNet1_0", "SqueezeNet1_1");

    @Test
    void trainableParamsEqualTheReferenceExactly() throws Exception {
        Map<String, Long> expected;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("zoo-reference.csv"), StandardCharsets.UTF_8))) {
            expected = r.lines().skip(1).map(l -> l.split(","))
                    .collect(Collectors.toMap(f -> f[0], f -> Long.parseLong(f[2])));
        }
        for (String name : ARCHITECTURES) {
            assertEquals(expected.get(name), ModelStats.params(Models.create(name)), name);
        }
    }

    @Test
    void resNet18And34AreTorchvisionPlusTheStage1Projection() {
        // PaddleClas gives stage 1's first block a 64->64 1x1 conv + BN: 4,096 + 128 parameters.
        assertEquals(11_689_512L + 4_224, ModelStats.params(Models.create("ResNet18")));
        assertEquals(21_797_672L + 4_224, ModelStats.params(Models.create("ResNet34")));
    }

    @Test
    void aliasesShareTheirArchitecture() {
        assertEquals("ResNet50_vd", Models.info("ResNet50_vd_ssld").architecture());
        assertEquals(320, Models.info("Fix_ResNet50_vd_ssld_v2").inputSize());
        assertEquals(366, Models.info("Fix_ResNet50_vd_ssld_v2").resizeShort());
        assertEquals(256, Models.info("DarkNet53").inputSize());
        assertEquals(ModelStats.params(Models.create("ResNet101_vd")),
                ModelStats.params(Models.create("ResNet101_vd_ssld")));
    }

    @Test
    void vdShortcutsAveragePoolThenConvolveWithStrideOne() {
        List<Pool2d> vdPools = avgPools(Models.create("ResNet50_vd"));
        assertEquals(3, vdPools.size(), "one avg-pool shortcut in each of stages 2-4");
        for (Pool2d p : vdPools) {
            assertEquals(2, p.kernel());
            assertEquals(2, p.stride());
            assertTrue(p.ceilMode());
        }
        assertEquals(0, avgPools(Models.create("ResNet50_vc")).size());
        assertEquals(0, avgPools(Models.create("ResNet50")).size());
        // The pooled 1x1 conv at stride 1 costs what the stride-2 one does: vd and vc differ in
        // structure but not in MACs, and vd - vb is exactly the stem difference. At 64x64 the
        // stem maps are 32x32: vb 7x7 3->64, vd 3x3 3->32, 32->32, 32->64.
        long vb = ModelStats.macs(Models.create("ResNet50"), 3, 64, 64);
        long vc = ModelStats.macs(Models.create("ResNet50_vc"), 3, 64, 64);
        long vd = ModelStats.macs(Models.create("ResNet50_vd"), 3, 64, 64);
        long stemVb = 32L * 32 * 64 * 3 * 49;
        long stemVd = 32L * 32 * (32 * 3 * 9 + 32 * 32 * 9 + 64 * 32 * 9);
        assertEquals(vc, vd);
        assertEquals(stemVd - stemVb, vd - vb);
    }

    @Test
    void vdProjectionAveragesInCeilModeWithoutCountingPadding() {
        float[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8}; // one 3x3 channel
        // Windows (ceil mode): {0,1,3,4}, {2,5}, {6,7}, {8}; exclusive means divide by what is inside.
        assertArrayClose(new float[] {2f, 3.5f, 6.5f, 8f}, unitProjection(true, x));
        // vb: the stride-2 1x1 conv samples the even positions.
        assertArrayClose(new float[] {0f, 2f, 6f, 8f}, unitProjection(false, x));
    }

    /** A 1->1 channel projection whose conv and BN are the identity, run on one 3x3 map. */
    private static float[] unitProjection(boolean avgPool, float[] x) {
        ResNet.Projection p = new ResNet.Projection(1, 1, 2, avgPool);
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 1, 3, 3);
            p.initialize(m, DataType.FLOAT32, in);
            for (ai.djl.util.Pair<String, Parameter> e : p.getParameters()) {
                Parameter.Type t = e.getValue().getType();
                float v = t == Parameter.Type.BETA || t == Parameter.Type.RUNNING_MEAN ? 0f
                        : t == Parameter.Type.RUNNING_VAR ? 1f - ConvBnAct.BN_EPSILON : 1f;
                NDArray a = e.getValue().getArray();
                float[] values = new float[(int) a.size()];
                Arrays.fill(values, v);
                a.set(FloatBuffer.wrap(values));
            }
            return p.forward(new ParameterStore(m, false), new NDList(m.create(x, in)), false)
                    .singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void alexNetHeadDownscalesBothDropoutsAtInference() {
        Network net = Models.create("AlexNet", ModelOptions.defaults().withClassNum(10));
        Block head = net.head();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 256, 6, 6);
            head.initialize(m, DataType.FLOAT32, in);
            NDArray x = m.randomNormal(0f, 3f, in, DataType.FLOAT32);
            NDArray got = head.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            Fc fc6 = (Fc) child(head, "fc6");
            Fc fc7 = (Fc) child(head, "fc7");
            Fc fc8 = (Fc) child(head, "fc8");
            NDArray flat = x.reshape(2, 9216);
            NDArray expected = linear(fc8, Activation.relu(linear(fc7,
                    Activation.relu(linear(fc6, flat.mul(0.5f))).mul(0.5f))));
            NDArray unscaled = linear(fc8, Activation.relu(linear(fc7, Activation.relu(linear(fc6, flat)))));
            assertTrue(got.allClose(expected, 1e-4, 1e-4, false), "eval head = fc8(relu(fc7(0.5 relu(fc6(0.5 x)))))");
            assertTrue(got.sub(unscaled).abs().max().getFloat() > 1e-2, "the scaling changes the logits");
        }
    }

    @Test
    void squeezeNetHeadDownscalesDropoutBeforeConv10() {
        Network net = Models.create("SqueezeNet1_1", ModelOptions.defaults().withClassNum(10));
        Block head = net.head();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 512, 3, 3);
            head.initialize(m, DataType.FLOAT32, in);
            NDArray x = m.randomNormal(0f, 3f, in, DataType.FLOAT32);
            NDArray got = head.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            ConvBnAct conv10 = (ConvBnAct) child(head, "conv10");
            NDArray w = conv10.weight().getArray().reshape(10, 512);
            NDArray b = conv10.bias().getArray();
            NDArray pixels = x.transpose(0, 2, 3, 1); // [N, H, W, C]
            NDArray expected = Activation.relu(pixels.mul(0.5f).matMul(w.transpose()).add(b)).mean(new int[] {1}).mean(new int[] {1});
            NDArray unscaled = Activation.relu(pixels.matMul(w.transpose()).add(b)).mean(new int[] {1}).mean(new int[] {1});
            assertEquals(new Shape(2, 10), got.getShape());
            assertTrue(got.allClose(expected, 1e-4, 1e-4, false), "eval head = mean(relu(conv10(0.5 x)))");
            assertTrue(got.sub(unscaled).abs().max().getFloat() > 1e-2, "the scaling changes the logits");
        }
    }

    @Test
    void inputSizesBelowTheMinimumAreRefusedWithAHint() {
        for (String name : ARCHITECTURES) {
            ModelInfo info = Models.info(name);
            if (info.minInputSize() > 1) {
                JclasException e = assertThrows(JclasException.class, () -> Models.create(name,
                        ModelOptions.defaults().withInputSize(info.minInputSize() - 1)), name);
                assertTrue(e.getMessage().contains(String.valueOf(info.minInputSize())), e.oneLine());
                assertTrue(!e.getHint().isEmpty());
            }
        }
        assertThrows(JclasException.class, () -> Models.create("AlexNet",
                ModelOptions.defaults().withInputSize(AlexNet.MAX_INPUT + 1)));
    }

    @Test
    void measuredInputBoundsAreTight() {
        // The registered limits are where a forward starts and stops working, not estimates.
        assertEquals(1, Models.info("ResNet50_vd").minInputSize());
        assertTrue(forwardRuns("ResNet18_vd", 1));
        assertTrue(forwardRuns("DarkNet53", 1));
        for (String name : List.of("SqueezeNet1_0", "SqueezeNet1_1", "AlexNet")) {
            ModelInfo info = Models.info(name);
            assertTrue(forwardRuns(name, info.minInputSize()), name + " at its minimum");
            assertTrue(!forwardRuns(name, info.minInputSize() - 1), name + " below its minimum");
        }
        assertTrue(forwardRuns("AlexNet", AlexNet.MAX_INPUT));
        assertTrue(!forwardRuns("AlexNet", AlexNet.MAX_INPUT + 1));
    }

    private static boolean forwardRuns(String name, int size) {
        Network net = Models.create(name, ModelOptions.defaults().withClassNum(4));
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 3, size, size);
            net.initialize(m, DataType.FLOAT32, in);
            net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), false);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void smallInputKeepsParameterNamesAndEarlyResolution() {
        for (String name : List.of("ResNet18_vd", "SqueezeNet1_1", "DarkNet53")) {
            Network normal = Models.create(name);
            Network small = Models.create(name, ModelOptions.defaults().withSmallInput(true));
            assertEquals(parameterShapes(normal), parameterShapes(small), name + " loads the same weights");
        }
        // ResNet: total stride 32 -> 8; DarkNet: 32 -> 16.
        assertEquals(new Shape(1, 512, 1, 1), featureShape("ResNet18_vd", false, 32));
        assertEquals(new Shape(1, 512, 4, 4), featureShape("ResNet18_vd", true, 32));
        assertEquals(new Shape(1, 1024, 2, 2), featureShape("DarkNet53", true, 32));
        assertThrows(JclasException.class,
                () -> Models.create("AlexNet", ModelOptions.defaults().withSmallInput(true)));
    }

    private static Shape featureShape(String name, boolean small, int size) {
        Network net = Models.create(name, ModelOptions.defaults().withSmallInput(small));
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 3, size, size);
            net.initialize(m, DataType.FLOAT32, in);
            return net.forwardFeatures(new ParameterStore(m, false), m.ones(in), false).getShape();
        }
    }

    private static List<String> parameterShapes(Block block) {
        List<String> out = new ArrayList<>();
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getKey() + p.getValue().getShape());
        }
        return out;
    }

    @Test
    void inputChannelsReachTheFirstConv() {
        ModelOptions gray = ModelOptions.defaults().withInputChannels(1);
        assertEquals(new Shape(32, 1, 3, 3), firstWeight(Models.create("ResNet50_vd", gray)));
        assertEquals(new Shape(64, 1, 7, 7), firstWeight(Models.create("SE_ResNeXt50_32x4d", gray)));
        assertEquals(new Shape(32, 1, 3, 3), firstWeight(Models.create("DarkNet53", gray)));
        assertEquals(new Shape(64, 1, 11, 11), firstWeight(Models.create("AlexNet", gray)));
        assertEquals(new Shape(96, 1, 7, 7), firstWeight(Models.create("SqueezeNet1_0", gray)));
    }

    private static Shape firstWeight(Block block) {
        return block.getParameters().get(0).getValue().getShape();
    }

    @Test
    void seBlocksSqueezeBySixteenWithASigmoidGate() {
        // SE_ResNeXt50's first block ends in 256 channels: squeeze 256->16, excitation 16->256.
        List<Shape> se = new ArrayList<>();
        for (ai.djl.util.Pair<String, Parameter> p : Models.create("SE_ResNeXt50_32x4d").getParameters()) {
            if (p.getKey().contains("scale") && p.getValue().getType() == Parameter.Type.WEIGHT) {
                se.add(p.getValue().getShape());
            }
        }
        assertEquals(2 * 16, se.size(), "one SE per block");
        assertEquals(new Shape(16, 256, 1, 1), se.get(0));
        assertEquals(new Shape(256, 16, 1, 1), se.get(1));
        assertEquals(new Shape(128, 2048, 1, 1), se.get(se.size() - 2));
    }

    @Test
    void darkNetAddsWithoutActivationWhileResNetReluAfterEachAdd() {
        assertEquals(List.of(0L, 23L), opCounts("DarkNet53", 32), "DarkNet53: 23 residual adds, no ReLU after them");
        assertEquals(List.of(8L, 8L), opCounts("ResNet18", 32), "ResNet18: a ReLU after each of 8 adds");
    }

    /** [standalone activations, adds] of one traced forward. */
    private static List<Long> opCounts(String name, int size) {
        Network net = Models.create(name);
        List<OpType> ops = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 3, size, size);
            net.initialize(m, DataType.FLOAT32, in);
            Trace.run(op -> ops.add(op.type()),
                    () -> net.forward(new ParameterStore(m, false), new NDList(m.ones(in)), false));
        }
        return List.of(ops.stream().filter(t -> t == OpType.ACT).count(),
                ops.stream().filter(t -> t == OpType.ADD).count());
    }

    private static List<Pool2d> avgPools(Network net) {
        List<Pool2d> pools = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 3, 64, 64);
            net.initialize(m, DataType.FLOAT32, in);
            Trace.run(op -> {
                if (op.layer() instanceof Pool2d && !((Pool2d) op.layer()).isMax()) {
                    pools.add((Pool2d) op.layer());
                }
            }, () -> net.forward(new ParameterStore(m, false), new NDList(m.ones(in)), false));
        }
        return pools;
    }

    private static Block child(Block parent, String name) {
        for (ai.djl.util.Pair<String, Block> c : parent.getChildren()) {
            if (c.getKey().endsWith(name)) {
                return c.getValue();
            }
        }
        throw new AssertionError("no child " + name);
    }

    private static NDArray linear(Fc fc, NDArray x) {
        return x.matMul(fc.weight().getArray().transpose()).add(fc.bias().getArray());
    }

    private static void assertArrayClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "element " + i);
        }
    }
}
