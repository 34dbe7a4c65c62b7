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
import io.jclas.layers.Sequential;
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
}
