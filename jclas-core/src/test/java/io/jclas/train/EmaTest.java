package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void averagesAndSwapsBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            OptimizerTest.Dot d = OptimizerTest.dot(m);          // w = [1, -2], b = [0.5]
            try (Ema ema = new Ema(d, 0.75)) {
                d.w.getArray().set(new float[] {5f, 2f});
                ema.update();                                   // 0.75*[1,-2] + 0.25*[5,2] = [2, -1]
                assertArrayEquals(new float[] {2f, -1f}, ema.state().get("w").toFloatArray(), 1e-6f);
                float[] inside = ema.withAverage(() -> d.w.getArray().toFloatArray());
                assertArrayEquals(new float[] {2f, -1f}, inside, 1e-6f);
                assertArrayEquals(new float[] {5f, 2f}, d.w.getArray().toFloatArray(), 1e-6f);
            }
        }
    }
}
