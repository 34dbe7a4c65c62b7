package io.jclas.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that must not become weights: each import fails with one line, and no checkpoint is
 * written. The pickles are written byte by byte here (no Python needed); the one that calls
 * {@code os.system} would create a file if anything ran it.
 */
class BadWeightFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedPickleFailsInOneLine() throws Exception {
        // protocol 2: {'a': ...  and then the file ends
        Path file = write("truncated.pdparams", bytes(0x80, 2, '}', 'q', 0, 'X', 1, 0, 0, 0, 'a', 'q', 1));
        JclasException e = importFails(file);
        assertTrue(e.getMessage().startsWith("cannot read weight file " + file), e.getMessage());
    }

    @Test
    void aPickleCallingOsSystemIsRefusedAndNothingRuns() throws Exception {
        Path marker = dir.resolve("pwned");
        for (boolean stackGlobal : new boolean[] {false, true}) {
            Path file = write("evil" + stackGlobal + ".pth", callPickle("os", "system", "touch " + marker, stackGlobal));
            JclasException e = importFails(file);
            assertTrue(e.getMessage().contains("refers to the Python global os.system"), e.getMessage());
            assertFalse(Files.exists(marker), "nothing in the file ran");
        }
    }

    @Test
    void anyGlobalOffTheAllowListIsRefused() throws Exception {
        Path file = write("eval.pdparams", callPickle("builtins", "eval", "1+1", true));
        assertTrue(importFails(file).getMessage().contains("builtins.eval"));
    }

    @Test
    void aFileThatIsNoWeightFileFailsInOneLine() throws Exception {
        Path file = write("notes.pth", "just text\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(importFails(file).getMessage().contains("neither a zip nor a pickle"));
    }

    /** The import into a checkpoint fails in one line, and the checkpoint directory does not appear. */
    private JclasException importFails(Path file) {
        Path out = dir.resolve("checkpoint");
        JclasException e = assertThrows(JclasException.class,
                () -> PretrainedWeights.writeCheckpoint(file, TorchvisionReference.config("ResNet18", 64), out));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        return e;
    }

    /**
     * {@code module.name(argument)} as a pickle: GLOBAL (protocol 2) or STACK_GLOBAL (protocol 4),
     * then the argument tuple and REDUCE.
     */
    private static byte[] callPickle(String module, String name, String argument, boolean stackGlobal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(stackGlobal ? 4 : 2);
        if (stackGlobal) {
            shortUnicode(out, module);
            shortUnicode(out, name);
            out.write(0x93);
        } else {
            out.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        shortUnicode(out, argument);
        out.write(0x85); // TUPLE1
        out.write('R'); // REDUCE
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private static void shortUnicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x8c); // SHORT_BINUNICODE
        out.write(b.length);
        out.writeBytes(b);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        assertEquals(content.length, Files.size(file));
        return file;
    }
}
