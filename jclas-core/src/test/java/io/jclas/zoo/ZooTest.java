package io.jclas.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.analysis.ModelStats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** One parameterised test over the whole registry, as timm does. */
class ZooTest {

    static Stream<String> architectures() {
        return Models.list().stream().filter(i -> !i.isAlias()).map(ModelInfo::name);
    }

    static Stream<String[]> reference() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ZooTest.class.getResourceAsStream("zoo-reference.csv"), StandardCharsets.UTF_8))) {
            List<String[]> rows = r.lines().skip(1).map(l -> l.split(",")).collect(Collectors.toList());
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void paramsAndMacsMatchReference(String name, String inputSize, String params, String macs) {
        // Families not yet registered are reported by registryCoversReference.
        org.junit.jupiter.api.Assumptions.assumeTrue(Models.contains(name), name + " not registered");
        Network net = Models.create(name);
        int size = Integer.parseInt(inputSize);
        long expectedParams = Long.parseLong(params);
        long expectedMacs = Long.parseLong(macs);
        long gotParams = ModelStats.params(net);
        long gotMacs = ModelStats.macs(net, 3, size, size);
        assertEquals(expectedParams, gotParams, expectedParams * 0.001, name + " params");
        assertEquals(expectedMacs, gotMacs, expectedMacs * 0.005, name + " MACs");
    }

    @Test
    void registryCoversReference() throws Exception {
        List<String> missing = reference().map(r -> r[0]).filter(n -> !Models.contains(n)).collect(Collectors.toList());
        assertTrue(missing.isEmpty(), "not in the zoo: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void smallInputsForwardAndBackward(String name) {
        ModelInfo info = Models.info(name);
        for (int[] cs : new int[][] {{1, 28}, {3, 32}}) {
            int channels = cs[0];
            int size = Math.max(cs[1], info.minInputSize());
            if (info.maxInputSize() > 0) {
                size = info.inputSize();
            }
            Network net = Models.create(name, ModelOptions.defaults()
                    .withClassNum(10).withInputChannels(channels).withInputSize(size));
            try (NDManager m = NDManager.newBaseManager()) {
                Shape in = new Shape(2, channels, size, size);
                net.initialize(m, DataType.FLOAT32, in);
                NDArray x = m.randomNormal(in);
                ParameterStore ps = new ParameterStore(m, false);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = net.forward(ps, new NDList(x), true).singletonOrThrow();
                    assertEquals(new Shape(2, 10), y.getShape(), name);
                    assertFalse(Float.isNaN(y.sum().getFloat()), name + " output is finite");
                    gc.backward(y.sum());
                }
                NDArray eval = net.forward(ps, new NDList(x), false).singletonOrThrow();
                assertEquals(new Shape(2, 10), eval.getShape());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void headlessGivesFeatureChannels(String name) {
        ModelInfo info = Models.info(name);
        Network net = Models.create(name, ModelOptions.defaults().withoutHead());
        try (NDManager m = NDManager.newBaseManager()) {
            int size = Math.max(64, info.minInputSize());
            if (info.maxInputSize() > 0) {
                size = info.inputSize();
            }
            Shape in = new Shape(1, 3, size, size);
            net.initialize(m, DataType.FLOAT32, in);
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(m.ones(in)), false).singletonOrThrow();
            assertEquals(new Shape(1, net.featureChannels()), y.getShape(), name);
        }
    }

    @Test
    void publishedFiguresComeWithTheRegistry() {
        ModelInfo.Published r50 = Models.info("ResNet50").published();
        assertEquals(0.765, r50.top1(), 1e-9);
        assertEquals(8.19, r50.flopsG(), 1e-9);
        ModelInfo.Published mnv3 = Models.info("MobileNetV3_large_x1_0").published();
        assertEquals(0.7532, mnv3.top1(), 1e-9);
        assertTrue(Double.isNaN(mnv3.flopsG()), "model_list FLOPs use another convention and are left out");
        assertEquals(0.840, Models.info("Fix_ResNet50_vd_ssld_v2").published().top1(), 1e-9);
        assertEquals(320, Models.info("Fix_ResNet50_vd_ssld_v2").inputSize());
    }

    @Test
    void unknownNameListsClosest() {
        JclasException e = assertThrows(JclasException.class, () -> Models.create("ResNet50vd"));
        assertTrue(e.getHint().contains("ResNet50_vd") || Models.list().isEmpty(), e.oneLine());
    }
}
