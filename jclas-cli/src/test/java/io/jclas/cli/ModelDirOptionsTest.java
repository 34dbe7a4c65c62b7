package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jclas.JclasException;
import io.jclas.model.PreprocessSpec;
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
        PreprocessSpec spec = parse("--model", "x", "--input-size", "224").preprocess();
        assertEquals(PreprocessSpec.imagenet(224), spec);
        assertEquals(256, spec.resizeShort());
    }

    @Test
    void grayscaleModelWithItsOwnStatistics() {
        PreprocessSpec spec = parse("--input-size", "28", "--resize-short", "28", "--channels", "1",
                "--mean", "0.286", "--std", "0.353").preprocess();
        assertEquals(1, spec.channels());
        assertEquals(28, spec.crop());
        assertArrayEquals(new float[] {0.286f}, spec.mean());
        assertArrayEquals(new float[] {0.353f}, spec.std());
    }

    @Test
    void meanOfTheWrongLengthIsAUserError() {
        JclasException e = assertThrows(JclasException.class,
                () -> parse("--input-size", "224", "--mean", "0.5").preprocess());
        assertEquals("--mean and --std need 3 value(s) each", e.getMessage());
    }
}
