package io.jclas.bench.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.zoo.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracySourceTest {

    @Test
    void publishedTop1ComesFromTheZoo() {
        assertEquals(0.688, AccuracySource.published().top1(Models.info("ShuffleNetV2_x1_0")), 1e-9);
    }

    @Test
    void aFileTakesFractionsAndPercentsAndLeavesOthersUnknown(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("acc.csv");
        Files.writeString(f, "model,top1\n# from jclas eval on Fashion-MNIST\nShuffleNetV2_x1_0,93.70\nResNet18_vd,0.9452\n");
        AccuracySource s = AccuracySource.file(f);
        assertEquals(0.937, s.top1(Models.info("ShuffleNetV2_x1_0")), 1e-12);
        assertEquals(0.9452, s.top1(Models.info("ResNet18_vd")), 1e-12);
        assertEquals(Double.NaN, s.top1(Models.info("ResNet50_vd")));
        assertEquals("Top-1 from acc.csv", s.label());
    }

    @Test
    void badLinesNameTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("acc.csv");
        Files.writeString(f, "ShuffleNetV2_x1_0,high\n");
        JclasException e = assertThrows(JclasException.class, () -> AccuracySource.file(f));
        assertEquals(f + ":1: Top-1 'high' is not a number from 0 to 100", e.getMessage());
        Files.writeString(f, "ShuffleNetV2_x9,0.5\n");
        assertTrue(assertThrows(JclasException.class, () -> AccuracySource.file(f)).getMessage()
                .startsWith("unknown model 'ShuffleNetV2_x9'"));
    }
}
