package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jclas.JclasException;
import io.jclas.data.transform.Preprocessing;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelDirOptionsTest {

    @CommandLine.Command(name = "t")
    static final class Probe {
        @CommandLine.Mixin
        ModelDirOptions model;
    }

    private static ModelDirOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.model;
    }

    @Test
    void noInputSizeMeansTheDirectoryDecides() {
        assertNull(parse("--model", "x").preprocess());
    }

    @Test
    void inputSizeGivesImagenetDefaults() {
        Preprocessing spec = parse("--model", "x", "--input-size", "224").preprocess();
        assertEquals(Preprocessing.centerCrop(3, 256, 224, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()),
                spec);
        assertEquals(Map.of("resize_short", 256), ((Map<?, ?>) spec.transformOps().get(1)).get("ResizeImage"));
    }

    @Test
    void grayscaleModelWithItsOwnStatistics() {
        Preprocessing spec = parse("--input-size", "28", "--resize-short", "28", "--channels", "1",
                "--mean", "0.286", "--std", "0.353").preprocess();
        assertArrayEquals(new int[] {1, 28, 28}, spec.inputShape());
        Map<?, ?> normalize = (Map<?, ?>) ((Map<?, ?>) spec.transformOps().get(3)).get("NormalizeImage");
        assertEquals(List.of(0.286), normalize.get("mean"));
        assertEquals(List.of(0.353), normalize.get("std"));
    }

    @Test
    void meanOfTheWrongLengthIsAUserError() {
        JclasException e = assertThrows(JclasException.class,
                () -> parse("--input-size", "224", "--mean", "0.5").preprocess());
        assertEquals("--mean and --std need 3 value(s) each", e.getMessage());
    }
}
