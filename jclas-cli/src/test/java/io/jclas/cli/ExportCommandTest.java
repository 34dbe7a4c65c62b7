package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The user mistakes of {@code jclas export --quantize} are one error line and one hint. */
class ExportCommandTest {
    @Test
    void unknownQuantizationIsAUserError() {
        Run run = Run.of("export", "--model", "nowhere", "--quantize", "int4");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: unknown --quantize 'int4'\nhint: use --quantize int8"), run.err());
    }
}
