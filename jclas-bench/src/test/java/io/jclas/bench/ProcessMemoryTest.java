package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
        byte[] block = new byte[256 << 20];
        Arrays.fill(block, (byte) 1);
        long after = ProcessMemory.rssBytes();
        assertTrue(after - before > 128L << 20, "RSS grew by " + (after - before) + " bytes only");
        assertEquals(1, block[block.length - 1]);
    }
}
