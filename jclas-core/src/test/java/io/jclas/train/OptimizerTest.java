package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.jclas.layers.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-step values of the optimizers against hand computation. */
class OptimizerTest {

    /** y = sum(w * x) + b: dL/dw = x, dL/db = 1. */
    static final class Dot extends Layer {
        final Parameter w = param("w", Parameter.Type.WEIGHT, new Shape(2), Initializer.ZEROS);
        final Parameter b = param("b", Parameter.Type.BIAS, new Shape(1), Initializer.ZEROS);

        @Override
        protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            return x.mul(value(ps, w, x, training)).sum().add(value(ps, b, x, training).sum());
        }
    }

    /** A Dot with w = [1, -2], b = [0.5]. */
    static Dot dot(NDManager m) {
        Dot d = new Dot();
        d.initialize(m, DataType.FLOAT32, new Shape(2));
        d.w.getArray().set(new float[] {1f, -2f});
        d.b.getArray().set(new float[] {0.5f});
        return d;
    }

    /** One backward of x = [3, 4]. */
    static Dot backwardOnce(NDManager m, Dot d) {
        try (NDManager sub = m.newSubManager();
                GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray y = d.forward(new ParameterStore(sub, false), sub.create(new float[] {3f, 4f}), true);
            gc.backward(y);
        }
        return d;
    }

    @Test
    void decayGroupsExcludeBiasAndNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            Dot d = backwardOnce(m, dot(m));
            List<TrainParam> ps = TrainParam.of(d);
            assertEquals(2, ps.size());
            assertEquals(true, ps.get(0).decay());
            assertEquals(false, ps.get(1).decay());
        }
    }

    @Test
    void momentumSgdTwoStepsMatchPyTorchFormula() {
        try (NDManager m = NDManager.newBaseManager(); MomentumSgd sgd = new MomentumSgd(0.9, 0.1, false)) {
            Dot d = backwardOnce(m, dot(m));
            List<TrainParam> ps = TrainParam.of(d);
            sgd.step(ps, 0.5);
            // w: d = g + 0.1*w = [3.1, 3.8]; v = d; w = w - 0.5*v = [-0.55, -3.9]
            // b: no decay, d = 1, v = 1, b = 0.5 - 0.5 = 0
            assertArrayEquals(new float[] {-0.55f, -3.9f}, d.w.getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f}, d.b.getArray().toFloatArray(), 1e-6f);
            // gradients were zeroed: a second backward gives exactly g again
            backwardOnce(m, d);
            sgd.step(ps, 0.1);
            // w: d = [3 - 0.055, 4 - 0.39] = [2.945, 3.61]; v = 0.9*[3.1,3.8] + d = [5.735, 7.03]
            // w = [-0.55 - 0.5735, -3.9 - 0.703]
            assertArrayEquals(new float[] {-1.1235f, -4.603f}, d.w.getArray().toFloatArray(), 1e-5f);
            // b: v = 0.9 + 1 = 1.9; b = 0 - 0.19
            assertArrayEquals(new float[] {-0.19f}, d.b.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void nonFiniteGradientsLeaveWeightsAndStateUntouched() {
        try (NDManager m = NDManager.newBaseManager(); MomentumSgd sgd = new MomentumSgd(0.9, 0.1, false)) {
            Dot d = dot(m);
            List<TrainParam> ps = TrainParam.of(d);
            try (NDManager sub = m.newSubManager();
                    GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray y = d.forward(new ParameterStore(sub, false), sub.create(new float[] {Float.NaN, 4f}), true);
                gc.backward(y);
            }
            assertEquals(false, sgd.step(ps, 0.5));
            assertArrayEquals(new float[] {1f, -2f}, d.w.getArray().toFloatArray(), 0f);
            assertArrayEquals(new float[] {0.5f}, d.b.getArray().toFloatArray(), 0f);
            assertEquals(0, sgd.steps());
            // the bad gradients were zeroed: the next good batch steps as if it were the first
            backwardOnce(m, d);
            assertEquals(true, sgd.step(ps, 0.5));
            assertArrayEquals(new float[] {-0.55f, -3.9f}, d.w.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void nesterovLooksAhead() {
        try (NDManager m = NDManager.newBaseManager(); MomentumSgd sgd = new MomentumSgd(0.9, 0, true)) {
            Dot d = backwardOnce(m, dot(m));
            sgd.step(TrainParam.of(d), 0.1);
            // v = g = [3, 4]; step = g + 0.9*v = [5.7, 7.6]; w = [1 - 0.57, -2 - 0.76]
            assertArrayEquals(new float[] {0.43f, -2.76f}, d.w.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void adamWOneStepMovesByLrTimesSign() {
        try (NDManager m = NDManager.newBaseManager(); AdamW adam = new AdamW(0.9, 0.999, 1e-8, 0.01)) {
            Dot d = backwardOnce(m, dot(m));
            adam.step(TrainParam.of(d), 0.1);
            // decoupled decay: w *= 1 - 0.1*0.01; first Adam step = lr * g/|g| (bias-corrected)
            double f = 1 - 0.001;
            assertArrayEquals(new float[] {(float) (1 * f - 0.1), (float) (-2 * f - 0.1)},
                    d.w.getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.4f}, d.b.getArray().toFloatArray(), 1e-6f);
            backwardOnce(m, d);
            adam.step(TrainParam.of(d), 0.1);
            // same gradient again: m_hat = g, v_hat = g^2, so another step of lr (b has no decay)
            assertArrayEquals(new float[] {0.3f}, d.b.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        try (NDManager m = NDManager.newBaseManager();
                MomentumSgd a = new MomentumSgd(0.9, 0.1, false);
                MomentumSgd b = new MomentumSgd(0.9, 0.1, false)) {
            Dot da = backwardOnce(m, dot(m));
            a.step(TrainParam.of(da), 0.5);
            Map<String, NDArray> saved = new LinkedHashMap<>(a.state());
            assertEquals(3, saved.size());
            Dot db = dot(m);
            db.w.getArray().set(da.w.getArray().toFloatArray());
            db.b.getArray().set(da.b.getArray().toFloatArray());
            b.loadState(saved, TrainParam.of(db));
            assertEquals(1, b.steps());
            backwardOnce(m, da);
            a.step(TrainParam.of(da), 0.1);
            backwardOnce(m, db);
            b.step(TrainParam.of(db), 0.1);
            assertArrayEquals(da.w.getArray().toFloatArray(), db.w.getArray().toFloatArray(), 1e-6f);
        }
    }
}
