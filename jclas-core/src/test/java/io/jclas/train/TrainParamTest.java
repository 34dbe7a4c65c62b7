package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.List;
import io.jclas.model.Architecture;
import org.junit.jupiter.api.Test;

class TrainParamTest {

    @Test
    void freezeBackboneLeavesOnlyTheHeadTrainable() {
        TrainSettings s = new TrainSettings(new Architecture("ShuffleNetV2_x0_25", 10, true, new int[] {1, 28, 28}),
                true, 1, 1, "cpu", 1, 1, 0, false, Path.of("out"), null, null, 0);
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
}
