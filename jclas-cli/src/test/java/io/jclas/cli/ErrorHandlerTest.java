package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlerTest {

    @Test
    void unknownModelNameIsOneErrorLineAndExitTwo() {
        Run run = Run.of("models", "NoSuchNet50");
        assertEquals(2, run.code());
        String[] lines = run.err().split("\n");
        assertEquals(2, lines.length, run.err());
        assertEquals("error: unknown model 'NoSuchNet50'", lines[0]);
        assertTrue(lines[1].startsWith("hint: "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badOptionIsAUsageErrorWithExitTwo() {
        Run run = Run.of("models", "--format", "xml");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: Invalid value for option '--format'"), run.err());
        assertTrue(run.err().contains("hint: see `jclas models --help`"), run.err());
    }

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("native library missing\nsecond line");
        }
    }

    @Test
    void unexpectedFailureIsShortWithExitOneAndTraceOnlyWithDebug() {
        assertEquals(1, runBoom(false).code());
        assertEquals("error: IllegalStateException: native library missing\n"
                + "hint: rerun with --debug for the stack trace\n", runBoom(false).err());
        Run debug = runBoom(true);
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("at io.jclas.cli.ErrorHandlerTest$Boom.run"), debug.err());
        assertFalse(runBoom(false).err().contains("\tat "));
    }

    private static Run runBoom(boolean debug) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Boom()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new ErrorHandler(debug)).execute();
        return new Run(code, "", err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run run = Run.of("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("models"), run.out());
    }
}
