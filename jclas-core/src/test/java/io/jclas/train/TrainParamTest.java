package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.List;
import io.jclas.model.Architecture;
import org.junit.jupiter.api.Test;

class TrainParamTest {

    @Test
    void freezeBackboneLeavesOnlyTheHeadTrainable() {
        TrainSettings s = new TrainSettings(new Architecture("ShuffleNetV2_x0_25", 10, true, new int[] {1, 28, 28}),
                true, 1, 1, "cpu", 1, 1, 0, false, Path.of("out"), null, null, 0, false);
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = s.architecture().build(m);
            List<TrainParam> all = TrainParam.of(net);
            assertTrue(all.stream().anyMatch(p -> p.name().contains("features")), all.get(0).name());
            // BN gamma/beta and biases are outside the decay group, conv weights inside
            assertTrue(all.stream().anyMatch(p -> p.name().endsWith("gamma") && !p.decay()));
            assertTrue(all.stream().anyMatch(p -> p.name().endsWith("weight") && p.decay()));
            net.features().freezeParameters(true);
            List<TrainParam> head = TrainParam.of(net);
            assertFalse(head.isEmpty());
            assertTrue(head.stream().allMatch(p -> p.name().startsWith("02head_")), head.toString());
        }
    }

    @Test
    void backboneMultScalesTheStepOfEveryFeatureParameterAndNotTheHead() {
        try (NDManager m = NDManager.newBaseManager(); MomentumSgd sgd = new MomentumSgd(0, 0, false)) {
            Network net = new Architecture("ShuffleNetV2_x0_25", 3, true, new int[] {1, 16, 16}).build(m);
            List<TrainParam> params = TrainParam.of(net, 0.25);
            try (NDManager sub = m.newSubManager();
                    GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray x = sub.randomNormal(new Shape(2, 1, 16, 16));
                gc.backward(net.forward(new ParameterStore(sub, false), new ai.djl.ndarray.NDList(x), true)
                        .singletonOrThrow().sum());
            }
            List<float[]> before = params.stream().map(p -> p.parameter().getArray().toFloatArray()).toList();
            List<float[]> grads = params.stream().map(p -> p.parameter().getArray().getGradient().toFloatArray()).toList();
            float firstConvGrad = 0;
            for (float g : grads.get(0)) {
                firstConvGrad = Math.max(firstConvGrad, Math.abs(g));
            }
            assertTrue(firstConvGrad > 1e-4, "the stem conv has a gradient to scale: " + firstConvGrad);
            sgd.step(params, 0.1);
            int head = 0;
            for (int i = 0; i < params.size(); i++) {
                TrainParam p = params.get(i);
                boolean isHead = p.name().startsWith("02head_");
                head += isHead ? 1 : 0;
                assertEquals(isHead ? 1 : 0.25, p.lrMult(), p.name());
                float[] after = p.parameter().getArray().toFloatArray();
                for (int j = 0; j < after.length; j++) {
                    assertEquals(before.get(i)[j] - 0.1 * p.lrMult() * grads.get(i)[j], after[j], 1e-6, p.name());
                }
            }
            assertEquals(2, head, "the classifier's weight and bias");
        }
    }
}
