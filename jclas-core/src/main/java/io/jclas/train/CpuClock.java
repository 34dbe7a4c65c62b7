package io.jclas.train;

import java.lang.management.ManagementFactory;

/**
 * How many cores the process kept busy over an interval: process CPU time (every thread, native
 * libtorch threads included) divided by wall time. 2.0 means two cores fully used.
 */
final class CpuClock {
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    private final long cpuStart = OS.getProcessCpuTime();
    private final long wallStart = System.nanoTime();

    /** Cores busy on average since this clock started (NaN where the JVM cannot read process CPU time). */
    double coresUsed() {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime() - wallStart;
        return cpu < 0 || cpuStart < 0 || wall <= 0 ? Double.NaN : (cpu - cpuStart) / (double) wall;
    }
}
