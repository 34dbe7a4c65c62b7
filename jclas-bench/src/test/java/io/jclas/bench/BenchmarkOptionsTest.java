package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    @Test
    void quickModeIsSmallAndStillOverridable() {
        BenchmarkOptions o = BenchmarkOptions.builder().quick().optThreads(List.of(2)).build();
        assertEquals(BenchmarkOptions.QUICK_MODELS, o.models());
        assertEquals(List.of(1), o.batchSizes());
        assertEquals(List.of(2), o.threads());
        assertEquals(1, o.trainEpochs());
        assertEquals(List.of(InferenceEngine.ONNXRUNTIME, InferenceEngine.PYTORCH), o.engines());
    }

    @Test
    void smallInputFollowsTheInputSizeUnlessSet() {
        assertTrue(BenchmarkOptions.builder().quick().optInputSize(28).optInputChannels(1).build().smallInput());
        assertFalse(BenchmarkOptions.builder().quick().optInputSize(224).build().smallInput());
        // the Fashion-MNIST recipes at 56x56 keep the ImageNet stem
        assertFalse(BenchmarkOptions.builder().quick().optInputSize(56).optSmallInput(false).build().smallInput());
        assertTrue(BenchmarkOptions.builder().quick().optInputSize(96).optSmallInput(true).build().smallInput());
    }

    @Test
    void userMistakesAreJclasExceptionsWithHints() {
        JclasException e = assertThrows(JclasException.class, () -> InferenceEngine.of("tensorrt"));
        assertTrue(e.getHint().contains("onnxruntime"));
        assertThrows(JclasException.class, () -> BenchmarkOptions.builder().build());
        assertThrows(JclasException.class, () -> BenchmarkOptions.builder().quick().optBatchSizes(List.of(0)).build());
        assertThrows(JclasException.class, () -> BenchmarkOptions.builder().quick().optDataset("imagenet").build());
        assertThrows(JclasException.class, () -> BenchmarkOptions.builder().quick().optInputChannels(2).build());
    }
}
