package io.jclas.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.jclas.analysis.ModelStats;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.InvertedResidualUnit;
import io.jclas.layers.OpType;
import io.jclas.layers.Ops;
import io.jclas.layers.Trace;
import io.jclas.layers.Widths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Focused checks of ShuffleNetV2, MobileNetV1/V2/V3 and GhostNet against PaddleClas's definitions. */
class LightFamiliesTest {

    /** Reference rows (name, size, params, MACs) of the five families. */
    private static List<String[]> referenceRows() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LightFamiliesTest.class.getResourceAsStream("zoo-reference.csv"), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).map(l -> l.split(","))
                    .filter(f -> f[0].matches("(ShuffleNetV2|MobileNetV[123]|GhostNet).*"))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void paramsMatchTheReferenceExactly() throws Exception {
        List<String[]> rows = referenceRows();
        assertEquals(30, rows.size());
        for (String[] row : rows) {
            long params = ModelStats.params(Models.create(row[0]));
            long expected = Long.parseLong(row[2]);
            assertEquals(expected, params, row[0]);
        }
    }

    @Test
    void macsMatchTheReferenceExactly() throws Exception {
        for (String[] row : referenceRows()) {
            if (row[0].matches(".*_x0_(25|35)|GhostNet_x0_5")) {
                int size = Integer.parseInt(row[1]);
                assertEquals(Long.parseLong(row[3]), ModelStats.macs(Models.create(row[0]), 3, size, size), row[0]);
            }
        }
    }

    @Test
    void channelShuffleInterleavesTheTwoHalves() {
        try (NDManager m = NDManager.newBaseManager()) {
            int c = 8;
            NDArray x = m.arange(0f, c * 4f).reshape(1, c, 2, 2);
            float[] y = Ops.channelShuffle(x, 2).toFloatArray();
            for (int k = 0; k < c; k++) {
                int source = (k % 2) * (c / 2) + k / 2;
                for (int p = 0; p < 4; p++) {
                    assertEquals(source * 4 + p, y[k * 4 + p], 0f, "channel " + k);
                }
            }
        }
    }

    @Test
    void shuffleUnitPassesItsFirstHalfToTheEvenChannels() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 8, 5, 5);
            ShuffleNetV2.InvertedResidual unit = new ShuffleNetV2.InvertedResidual(8, Act.RELU);
            unit.initialize(m, DataType.FLOAT32, shape);
            NDArray x = m.randomNormal(shape);
            NDArray y = unit.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertEquals(shape, y.getShape());
            for (int j = 0; j < 4; j++) {
                NDArray kept = y.get(new NDIndex(":, {}", 2 * j));
                assertTrue(kept.contentEquals(x.get(new NDIndex(":, {}", j))), "even channel " + 2 * j);
                NDArray transformed = y.get(new NDIndex(":, {}", 2 * j + 1));
                assertTrue(transformed.sub(x.get(new NDIndex(":, {}", 4 + j))).abs().max().getFloat() > 1e-3f,
                        "odd channel " + (2 * j + 1) + " went through the branch");
            }
        }
    }

    @Test
    void hardSigmoidHasSlopeOneFifth() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-3f, -2.5f, -1f, 0f, 1f, 2.5f, 3f});
            // Paddle's default slope 1/6 would give 1/3 and 2/3 at -1 and 1.
            assertArrayEquals(new float[] {0f, 0f, 0.3f, 0.5f, 0.7f, 1f, 1f},
                    Act.HARD_SIGMOID.apply(x).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void mobileNetV3ScalesByPointEightBeforeTheClassifierAtInference() {
        Network net = Models.create("MobileNetV3_small_x0_35", ModelOptions.defaults().withClassNum(7));
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, 3, 32, 32);
            net.initialize(m, DataType.FLOAT32, shape);
            NDArray x = m.randomNormal(shape);
            List<Trace.TracedOp> ops = new ArrayList<>();
            NDArray logits = Trace.run(ops::add,
                    () -> net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow());
            Trace.TracedOp scale = ops.stream().filter(o -> o.type() == OpType.SCALE).findFirst().orElseThrow();
            assertEquals(0.8f, (Float) scale.attribute(), 0f);
            Fc fc = (Fc) ops.get(ops.size() - 1).layer();
            NDArray beforeDropout = scale.inputs().get(0).reshape(2, 1280);
            NDArray weight = fc.weight().getArray();
            NDArray bias = fc.bias().getArray();
            NDArray unscaled = beforeDropout.matMul(weight.transpose()).add(bias);
            NDArray expected = beforeDropout.mul(0.8f).matMul(weight.transpose()).add(bias);
            assertTrue(logits.sub(expected).abs().max().getFloat() < 1e-4f, "logits = fc(0.8 h)");
            // fc(h) - fc(0.8 h) = 0.2 W h, a quarter of fc(0.8 h) - bias: relative, since a random
            // initialisation can make W h small
            float signal = logits.sub(bias).abs().max().getFloat();
            assertTrue(signal > 0f, "the classifier sees its input");
            assertEquals(signal / 4f, logits.sub(unscaled).abs().max().getFloat(), Math.max(signal * 1e-2f, 1e-6f),
                    "the 0.8 changes the logits");
        }
    }

    @Test
    void ghostNetDropoutIsTheIdentityAtInference() {
        Network net = Models.create("GhostNet_x0_5", ModelOptions.defaults().withClassNum(3));
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 3, 32, 32);
            net.initialize(m, DataType.FLOAT32, shape);
            List<Trace.TracedOp> ops = new ArrayList<>();
            Trace.run(ops::add, () -> net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(shape)), false));
            Trace.TracedOp scale = ops.stream().filter(o -> o.type() == OpType.SCALE).findFirst().orElseThrow();
            assertEquals(1f, (Float) scale.attribute(), 0f);
            assertTrue(scale.output().contentEquals(scale.inputs().get(0)));
        }
    }

    @Test
    void makeDivisibleRoundsAsPaddleClas() {
        assertEquals(8, Widths.makeDivisible(16 * 0.35, 8)); // never below the divisor
        assertEquals(24, Widths.makeDivisible(0.35 * 64, 8)); // 22.4 to the nearest multiple
        assertEquals(88, Widths.makeDivisible(0.35 * 240, 8)); // 84 rounds half up
        assertEquals(16, Widths.makeDivisible(11.9, 8)); // 8 would lose more than 10%
        assertEquals(200, Widths.makeDivisible(0.35 * 576, 8));
        assertEquals(20, Widths.makeDivisible(16 * 1.3, 4));
        assertEquals(92, Widths.makeDivisible(72 * 1.3, 4));
        assertEquals(1248, Widths.makeDivisible(960 * 1.3, 4));
    }

    @Test
    void mobileNetV3WidthsMatchTheResolvedTables() {
        assertEquals("stem=8 | 8/8 24/8 24/8 24/16(se6) 40/16(se10) 40/16(se10) 88/32 72/32 64/32 64/32"
                + " 168/40(se42) 232/40(se58) 232/56(se58) 336/56(se84) 336/56(se84) | last2=336",
                v3Widths("MobileNetV3_large_x0_35"));
        assertEquals("stem=24 | 24/24 80/32 88/32 88/48(se22) 152/48(se38) 152/48(se38) 304/104 248/104 232/104"
                + " 232/104 600/144(se150) 840/144(se210) 840/200(se210) 1200/200(se300) 1200/200(se300) | last2=1200",
                v3Widths("MobileNetV3_large_x1_25"));
        assertEquals("stem=8 | 8/8(se2) 24/8 32/8 32/16(se8) 88/16(se22) 88/16(se22) 40/16(se10) 48/16(se12)"
                + " 104/32(se26) 200/32(se50) 200/32(se50) | last2=200",
                v3Widths("MobileNetV3_small_x0_35"));
        assertEquals("stem=16 | 16/16(se4) 72/24 88/24 96/40(se24) 240/40(se60) 240/40(se60) 120/48(se30)"
                + " 144/48(se36) 288/96(se72) 576/96(se144) 576/96(se144) | last2=576",
                v3Widths("MobileNetV3_small_x1_0"));
    }

    private static String v3Widths(String name) {
        Network net = Models.create(name);
        ConvBnAct stem = (ConvBnAct) child(net.features(), "conv");
        String units = collect(net, InvertedResidualUnit.class).stream()
                .map(u -> u.midChannels() + "/" + u.outChannels()
                        + (u.squeezedChannels() > 0 ? "(se" + u.squeezedChannels() + ")" : ""))
                .collect(Collectors.joining(" "));
        return "stem=" + stem.outChannels() + " | " + units + " | last2=" + net.featureChannels();
    }

    @Test
    void mobileNetV2KeepsTheT1ExpandConvAndAddsOnlyAfterEachGroupsFirstBlock() {
        List<InvertedResidualUnit> units = collect(Models.create("MobileNetV2"), InvertedResidualUnit.class);
        assertEquals(17, units.size());
        assertEquals(32, units.get(0).midChannels(), "t=1: expand conv 32 -> 32 kept");
        assertEquals(10, units.stream().filter(InvertedResidualUnit::hasShortcut).count(), "sum of (n - 1)");
        assertEquals(1920, Models.create("MobileNetV2_x1_5").featureChannels());
        assertEquals(1280, Models.create("MobileNetV2_x0_5").featureChannels());
    }

    @Test
    void ghostNetWidthsMatchTheResolvedTables() {
        assertEquals("8 | 8/8 24/12 36/12 36/20 60/20 120/40 100/40 92/40 92/40 240/56 336/56 336/80"
                + " 480/80 480/80 480/80 480/80 | 480", ghostWidths("GhostNet_x0_5"));
        assertEquals("20 | 20/20 64/32 92/32 92/52 156/52 312/104 260/104 240/104 240/104 624/144 872/144 872/208"
                + " 1248/208 1248/208 1248/208 1248/208 | 1248", ghostWidths("GhostNet_x1_3"));
    }

    private static String ghostWidths(String name) {
        Network net = Models.create(name);
        ConvBnAct stem = (ConvBnAct) child(net.features(), "conv1");
        String blocks = collect(net, GhostNet.GhostBottleneck.class).stream()
                .map(b -> ghostWidth(b, "ghost_module_1") + "/" + ghostWidth(b, "ghost_module_2"))
                .collect(Collectors.joining(" "));
        return stem.outChannels() + " | " + blocks + " | " + net.featureChannels();
    }

    private static int ghostWidth(Block bottleneck, String module) {
        Block ghost = child(bottleneck, module);
        return ((ConvBnAct) child(ghost, "primary_conv")).outChannels()
                + ((ConvBnAct) child(ghost, "cheap_operation")).outChannels();
    }

    @Test
    void ghostBottleneckProjectsItsShortcutOnlyWhenShapesChange() {
        List<GhostNet.GhostBottleneck> blocks = collect(Models.create("GhostNet_x1_0"), GhostNet.GhostBottleneck.class);
        assertNull(child(blocks.get(0), "shortcut_conv"), "16 -> 16, stride 1: identity");
        assertNotNull(child(blocks.get(1), "shortcut_conv"), "stride 2");
        assertNotNull(child(blocks.get(9), "shortcut_conv"), "80 -> 112 at stride 1");
        assertNotNull(child(blocks.get(3), "se_block"));
        assertNull(child(blocks.get(5), "se_block"));
    }

    @Test
    void smallInputKeepsResolutionAndParameters() {
        for (String name : List.of("ShuffleNetV2_x0_25", "MobileNetV1_x0_25", "MobileNetV3_small_x0_35", "GhostNet_x0_5")) {
            Network normal = Models.create(name);
            Network small = Models.create(name, ModelOptions.defaults().withSmallInput(true));
            assertEquals(ModelStats.params(normal), ModelStats.params(small), name);
            assertEquals(1, featureSide(normal, 32), name);
            // ShuffleNetV2 also drops its stem max-pool: 32 / 8 instead of 32 / 16.
            assertEquals(name.startsWith("Shuffle") ? 4 : 2, featureSide(small, 32), name);
        }
    }

    @Test
    void stemFollowsInputChannels() {
        Network net = Models.create("GhostNet_x0_5", ModelOptions.defaults().withInputChannels(1));
        ConvBnAct stem = (ConvBnAct) child(net.features(), "conv1");
        assertEquals(new Shape(8, 1, 3, 3), stem.weight().getShape());
    }

    private static long featureSide(Network net, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 3, size, size);
            net.initialize(m, DataType.FLOAT32, shape);
            NDArray f = net.forwardFeatures(new ParameterStore(m, false), m.ones(shape), false);
            assertEquals(net.featureChannels(), f.getShape().get(1));
            return f.getShape().get(3);
        }
    }

    /** The child DJL registered under {@code name} (it prefixes a two-digit position); null if none. */
    private static Block child(Block parent, String name) {
        return parent.getChildren().stream()
                .filter(p -> p.getKey().endsWith(name)
                        && p.getKey().substring(0, p.getKey().length() - name.length()).matches("\\d{2,}"))
                .map(ai.djl.util.Pair::getValue)
                .findFirst()
                .orElse(null);
    }

    private static <T> List<T> collect(Block block, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(block)) {
            found.add(type.cast(block));
        }
        for (Block child : block.getChildren().values()) {
            found.addAll(collect(child, type));
        }
        return found;
    }
}
