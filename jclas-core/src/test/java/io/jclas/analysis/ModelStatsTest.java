package io.jclas.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.OpType;
import io.jclas.layers.Ops;
import io.jclas.layers.Sequential;
import io.jclas.zoo.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelStatsTest {

    private static Sequential tiny() {
        return new Sequential()
                .add("conv", ConvBnAct.builder(3, 8, 3).optStride(2).optAct(Act.RELU).build())
                .add("dw", ConvBnAct.builder(8, 8, 3).depthwise().build())
                .add("pool", new GlobalAvgPool(false))
                .add("fc", new Fc(8, 4));
    }

    @Test
    void paramsCountTrainableOnly() {
        // conv 8*3*3*3 + BN 2*8; dw 8*1*3*3 + BN 2*8; fc 8*4 + 4 (running stats excluded)
        assertEquals(216 + 16 + 72 + 16 + 36, ModelStats.params(tiny()));
        assertEquals(216 + 32 + 72 + 32 + 36, ModelStats.allParameterElements(tiny()));
    }

    @Test
    void macsFollowConvolutionGeometry() {
        // 16x16 input, stride 2 -> 8x8: conv 8*64*27, dw 8*64*9, fc 32
        assertEquals(8 * 64 * 27 + 8 * 64 * 9 + 32, ModelStats.macs(tiny(), 3, 16, 16));
    }

    @Test
    void trainsAndEvaluates() {
        Sequential net = tiny();
        ModelStats.macs(net, 3, 16, 16); // counting must leave the block usable
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 16, 16);
            net.initialize(m, DataType.FLOAT32, in);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(in);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = net.forward(ps, new NDList(x), true).singletonOrThrow();
                assertEquals(new Shape(2, 4), y.getShape());
                gc.backward(y.sum());
            }
            // DJL prefixes each child name with its 1-based position.
            NDArray grad = net.getParameters().get("01conv_weight").getArray().getGradient();
            assertNotNull(grad);
            assertEquals(new Shape(8, 3, 3, 3), grad.getShape());
            assertEquals(new Shape(2, 4), net.getOutputShapes(new Shape[] {in})[0]);
        }
    }

    @Test
    void convolutionMemoryAccessIsInputPlusOutputPlusWeights() {
        // 3x16x16 in (768), 8x8x8 out (512), weights 8*3*3*3 (216)
        ModelProfile p = ModelStats.profile(
                new Sequential().add("conv", ConvBnAct.builder(3, 8, 3).optStride(2).build()), 3, 16, 16);
        assertEquals(768 + 512 + 216, p.memoryAccess());
        assertEquals(4 * (768 + 512 + 216), p.memoryAccessBytes(Precision.FP32));
        assertEquals(768 + 512 + 216, p.memoryAccessBytes(Precision.INT8));
        OpCost conv = p.ops().get(0);
        assertEquals("conv", conv.block());
        assertEquals("conv 3x3/2 3->8", conv.op());
        assertEquals(2.0 * 8 * 64 * 27 / (4 * (768 + 512 + 216)), conv.intensity(Precision.FP32), 1e-12);
    }

    @Test
    void groupConvolutionReadsOnlyItsGroupsWeights() {
        // 8x8x8 in (512), 16x8x8 out (1024), weights 16 * 8/4 * 3 * 3 (288)
        ModelProfile p = ModelStats.profile(
                new Sequential().add("g", ConvBnAct.builder(8, 16, 3).optGroups(4).build()), 8, 8, 8);
        assertEquals(512 + 1024 + 288, p.memoryAccess());
        assertEquals("gconv g4 3x3 8->16", p.ops().get(0).op());
    }

    @Test
    void oneByOneConvolutionFollowsThePapersFormulaAndIsCheapestAtEqualWidths() {
        int hw = 28 * 28;
        // G1: hw(c1 + c2) + c1 c2, at equal FLOPs (c1 c2 = 58 * 58) lowest when c1 = c2
        long equal = ModelStats.profile(new Sequential().add("pw", ConvBnAct.builder(58, 58, 1).build()), 58, 28, 28)
                .memoryAccess();
        long unequal = ModelStats.profile(new Sequential().add("pw", ConvBnAct.builder(29, 116, 1).build()), 29, 28, 28)
                .memoryAccess();
        assertEquals(hw * (58 + 58) + 58 * 58, equal);
        assertEquals(hw * (29 + 116) + 29 * 116, unequal);
        assertEquals(ModelStats.macs(new Sequential().add("pw", ConvBnAct.builder(58, 58, 1).build()), 58, 28, 28),
                ModelStats.macs(new Sequential().add("pw", ConvBnAct.builder(29, 116, 1).build()), 29, 28, 28));
    }

    @Test
    void channelShuffleReadsAndWritesEveryElement() {
        Layer shuffle = new Layer() {
            @Override
            protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
                return Ops.channelShuffle(x, 2);
            }
        };
        ModelProfile p = ModelStats.profile(shuffle, 8, 4, 4);
        assertEquals(1, p.ops().size());
        assertEquals(2 * 8 * 16, p.memoryAccess());
        assertEquals(0, p.macs());
        assertEquals(1.0, p.elementWiseShare());
        assertEquals("", p.ops().get(0).block());
        assertEquals("channel_shuffle g2", p.ops().get(0).op());
    }

    @Test
    void shuffleNetV2UnitMemoryAccessByHand() {
        // ShuffleNetV2_x1_0 unit 2_2: 116 channels at 28x28, halves of c = 58
        List<OpCost> ops = ModelStats.profile(Models.create("ShuffleNetV2_x1_0"), 3, 224, 224).ops();
        int first = indexOf(ops, "features.2_2._conv_pw");
        int last = indexOf(ops, "features.2_2._conv_linear");
        List<OpCost> unit = ops.subList(first - 2, last + 3);
        assertEquals(List.of("split [0:58)", "split [58:116)", "conv 1x1 58->58", "dwconv 3x3 58", "conv 1x1 58->58",
                "concat 2", "channel_shuffle g2"), unit.stream().map(OpCost::op).toList());
        long hw = 28 * 28;
        long c = 58;
        long split = 2 * c * hw; // reads and writes one half
        long pointwise = hw * (c + c) + c * c;
        long depthwise = 2 * c * hw + c * 9;
        long concat = 2 * c * hw + 2 * c * hw; // two halves in, the whole map out
        long shuffle = 2 * (2 * c * hw);
        assertEquals(List.of(split, split, pointwise, depthwise, pointwise, concat, shuffle),
                unit.stream().map(OpCost::memoryAccess).toList());
        assertEquals(825_746, unit.stream().mapToLong(OpCost::memoryAccess).sum());
        assertEquals(OpType.CHANNEL_SHUFFLE, unit.get(6).type());
    }

    private static int indexOf(List<OpCost> ops, String block) {
        return ops.stream().filter(o -> o.block().equals(block)).findFirst().orElseThrow().index();
    }
}
