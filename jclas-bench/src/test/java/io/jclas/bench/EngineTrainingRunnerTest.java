package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.zoo.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training dimension through the real engine and the shared recipe, on a 64-image subset. */
class EngineTrainingRunnerTest {
    private static final String MODEL = "ShuffleNetV2_x0_5";

    @Test
    void trainsOneShortEpochAndCleansUp(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "needs Fashion-MNIST");
        Assumptions.assumeTrue(Models.contains(MODEL));
        BenchmarkOptions o = BenchmarkOptions.builder().setModels(List.of(MODEL)).optThreads(List.of(1))
                .optTrainEpochs(1).optTrainSubset(64).optOutDir(dir).build();
        List<String> messages = new ArrayList<>();
        TrainingResult r = new EngineTrainingRunner().train(MODEL, o, new BenchmarkListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        });
        assertEquals(1, r.epochs());
        assertEquals(64, r.images());
        assertTrue(r.secondsPerEpoch() > 0 && r.imagesPerSecond() > 0);
        assertTrue(r.top1() >= 0 && r.top1() <= 1, "top1 " + r.top1());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(MODEL + ": epoch 1/1")), messages.toString());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "training work folder removed");
        }
    }
}
