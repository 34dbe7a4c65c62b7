package io.jclas.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Values of the primitive layers against hand-computed Paddle results. */
class PrimitivesTest {
    private static final float[] XS = {-4f, -3f, -1f, 0f, 1f, 3f, 7f};

    @Test
    void activationsHavePaddlesDefinitions() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(XS);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 1f, 3f, 7f}, Act.RELU.apply(x).toFloatArray());
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 1f, 3f, 6f}, Act.RELU6.apply(x).toFloatArray());
            assertArrayEquals(new float[] {0f, 0f, -1f / 3, 0f, 2f / 3, 3f, 7f},
                    Act.HARD_SWISH.apply(x).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, 0f, 0.3f, 0.5f, 0.7f, 1f, 1f},
                    Act.HARD_SIGMOID.apply(x).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 1f, 1f, 1f}, Act.CLIP01.apply(x).toFloatArray());
            float[] swish = Act.SWISH.apply(x).toFloatArray();
            float[] sigmoid = Act.SIGMOID.apply(x).toFloatArray();
            for (int i = 0; i < XS.length; i++) {
                double s = 1 / (1 + Math.exp(-XS[i]));
                assertEquals(s, sigmoid[i], 1e-6);
                assertEquals(XS[i] * s, swish[i], 1e-5);
            }
            assertEquals(Act.HARD_SWISH, Act.of("hardswish"));
        }
    }

    @Test
    void batchNormAtInferenceUsesRunningStatisticsAndEpsilon() {
        try (NDManager m = NDManager.newBaseManager()) {
            ConvBnAct layer = ConvBnAct.builder(1, 2, 1).optAct(Act.RELU).build();
            Shape shape = new Shape(1, 1, 1, 2);
            layer.initialize(m, DataType.FLOAT32, shape);
            layer.weight().getArray().set(new float[] {2f, -1f});
            layer.gamma().getArray().set(new float[] {3f, 1f});
            layer.beta().getArray().set(new float[] {0.5f, 0.25f});
            layer.runningMean().getArray().set(new float[] {1f, 0f});
            layer.runningVar().getArray().set(new float[] {4f, 1e-5f});
            NDArray x = m.create(new float[] {5f, -0.001f}, shape);
            float[] y = layer.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            // y = relu(gamma * (conv - mean) / sqrt(var + 1e-5) + beta), laid out [channel][position]
            assertEquals(3 * (10 - 1) / Math.sqrt(4 + 1e-5) + 0.5, y[0], 1e-4);
            assertEquals(0f, y[1], 0f, "3 * (-1.002) / 2 + 0.5 < 0, cut by ReLU");
            assertEquals(0f, y[2], 0f);
            // Without the epsilon this would be 0.001 / sqrt(1e-5) + 0.25 = 0.566.
            assertEquals(0.001 / Math.sqrt(2e-5) + 0.25, y[3], 1e-4);
        }
    }

    @Test
    void averagePoolCeilModeExcludesPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 10f).reshape(1, 1, 3, 3);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray ceil = Pool2d.avg(2, 2, 0, true).forward(ps, new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(1, 1, 2, 2), ceil.getShape());
            assertArrayEquals(new float[] {3f, 4.5f, 7.5f, 9f}, ceil.toFloatArray(), 1e-6f);
            NDArray floor = Pool2d.avg(2, 2, 0, false).forward(ps, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new float[] {3f}, floor.toFloatArray(), 1e-6f);
            NDArray max = Pool2d.max(3, 2, 1).forward(ps, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new float[] {5f, 6f, 8f, 9f}, max.toFloatArray(), 0f);
        }
    }

    @Test
    void dropoutModesScaleWherePaddleDoes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(100, 100));
            ParameterStore ps = new ParameterStore(m, false);
            Dropout down = new Dropout(0.2f, Dropout.Mode.DOWNSCALE_IN_INFER);
            Dropout up = new Dropout(0.2f, Dropout.Mode.UPSCALE_IN_TRAIN);
            assertEquals(0.8f, down.forward(ps, new NDList(x), false).singletonOrThrow().max().getFloat(), 1e-6f);
            assertEquals(1f, up.forward(ps, new NDList(x), false).singletonOrThrow().max().getFloat(), 0f);

            NDArray trainDown = down.forward(ps, new NDList(x), true).singletonOrThrow();
            NDArray trainUp = up.forward(ps, new NDList(x), true).singletonOrThrow();
            assertEquals(1f, trainDown.max().getFloat(), 0f, "kept units unscaled in training");
            assertEquals(1.25f, trainUp.max().getFloat(), 1e-6f, "kept units scaled by 1/(1-p)");
            float dropped = trainDown.eq(0f).toType(DataType.FLOAT32, false).mean().getFloat();
            assertTrue(dropped > 0.17f && dropped < 0.23f, "dropped fraction " + dropped);
        }
    }
}
