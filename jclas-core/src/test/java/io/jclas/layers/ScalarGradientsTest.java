package io.jclas.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.jclas.train.ClassificationLoss;
import io.jclas.train.DistillationLoss;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the ops that multiply or divide by a constant must not depend on Java's garbage
 * collector. DJL's {@code NDArray.mul(Number)} puts the constant in a tensor over a Java direct
 * buffer and closes it at once, while PyTorch's backward keeps that tensor: once the buffer was
 * collected, MobileNetV3's hardswish and hardsigmoid, GhostNet's dropout and the distillation loss gave
 * garbage or NaN gradients. Each case here runs the forward pass, lets the collector free what it can,
 * overwrites freed small native blocks with 999, then checks the backward against the derivative
 * worked out by hand.
 */
class ScalarGradientsTest {
    private static final float[] X = {-4f, -1f, 0.5f, 2f};

    @Test
    void hardSwish() {
        // d/dx x*relu6(x+3)/6 = 0 below -3, (2x+3)/6 on (-3, 3)
        assertGradient(Act.HARD_SWISH::apply, new float[] {0f, 1f / 6, 4f / 6, 7f / 6});
    }

    @Test
    void hardSigmoid() {
        // d/dx clip(0.2x+0.5, 0, 1) = 0.2 on (-2.5, 2.5), 0 outside
        assertGradient(Act.HARD_SIGMOID::apply, new float[] {0f, 0.2f, 0.2f, 0.2f});
    }

    @Test
    void dropoutUpscalesKeptValues() {
        // UPSCALE_IN_TRAIN with p = 0.75: kept values get the gradient 1/(1-p) = 4, dropped ones 0
        Dropout dropout = new Dropout(0.75f, Dropout.Mode.UPSCALE_IN_TRAIN);
        float[] g = gradient(x -> dropout.forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                .singletonOrThrow());
        for (float v : g) {
            assertTrue(v == 0f || v == 4f, "dropout gradient " + v + " is neither 0 nor 1/(1-p) = 4");
        }
    }

    @Test
    void distillationScalesByTemperature() {
        // alpha 1: loss = T^2 * KL(softmax(t/T) || softmax(s/T)); with a teacher equal to the
        // student the gradient is 0, so use one-hot-like teacher logits and compare with the formula
        // d/ds_i = T * (softmax(s/T)_i - softmax(t/T)_i) / N (N = 1 row here).
        float temperature = 2f;
        DistillationLoss kd = new DistillationLoss(new ClassificationLoss(4, 0, null), temperature, 1.0);
        float[] t = {3f, 0f, 0f, 0f};
        float[] ps = softmax(X, temperature);
        float[] pt = softmax(t, temperature);
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = temperature * (ps[i] - pt[i]);
        }
        assertGradient(s -> {
            NDArray row = s.reshape(1, 4);
            NDArray teacher = s.getManager().create(t, new Shape(1, 4));
            NDArray targets = s.getManager().create(new float[] {1f, 0f, 0f, 0f}, new Shape(1, 4));
            return kd.compute(row, teacher, targets);
        }, expected);
    }

    private static float[] softmax(float[] v, float temperature) {
        double sum = 0;
        double[] e = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            e[i] = Math.exp(v[i] / temperature);
            sum += e[i];
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (e[i] / sum);
        }
        return out;
    }

    private static void assertGradient(UnaryOperator<NDArray> f, float[] expected) {
        assertArrayEquals(expected, gradient(f), 1e-5f);
    }

    /** d sum(f(x)) / dx, with the collector run and freed native blocks scribbled on in between. */
    private static float[] gradient(UnaryOperator<NDArray> f) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                gc.backward(y);
                scribbles.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static List<ByteBuffer> scribbleOverFreedMemory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50); // the reference handler frees collected direct buffers meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 999f);
            held.add(b);
        }
        return held;
    }
}
