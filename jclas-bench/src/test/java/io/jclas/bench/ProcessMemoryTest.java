package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    private static final String STATUS = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  4096 kB\nVmRSS:\t    2048 kB\n"
            + "Threads:\t12\n";

    @Test
    void parsesKilobyteFields() {
        assertEquals(2048, ProcessMemory.parseKb(STATUS, "VmRSS"));
        assertEquals(4096, ProcessMemory.parseKb(STATUS, "VmHWM"));
    }

    @Test
    void rejectsMissingOrUnitlessFields() {
        assertThrows(IllegalArgumentException.class, () -> ProcessMemory.parseKb(STATUS, "VmSwap"));
        assertThrows(IllegalArgumentException.class, () -> ProcessMemory.parseKb(STATUS, "Threads"));
    }

    @Test
    void residentMemoryGrowsWhenPagesAreTouched() {
        Assumptions.assumeTrue(ProcessMemory.available(), "needs /proc");
        long before = ProcessMemory.rssBytes();
        // off the Java heap: heap pages that earlier tests of this JVM touched would not grow the RSS again
        ByteBuffer block = ByteBuffer.allocateDirect(256 << 20);
        for (int i = 0; i < block.capacity(); i += 4096) {
            block.put(i, (byte) 1);
        }
        long after = ProcessMemory.rssBytes();
        assertTrue(after - before > 128L << 20, "RSS grew by " + (after - before) + " bytes only");
        assertEquals(1, block.get(block.capacity() - 4096));
    }
}
