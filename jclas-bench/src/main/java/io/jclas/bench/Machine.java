package io.jclas.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Describes the machine and software stack a run measures. */
public final class Machine {
    private Machine() {}

    /** This machine and software stack, with the matmul peaks measured (empty when none was). */
    public static MachineInfo describe(Map<Integer, Double> peakGflops) {
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Engine.getDjlVersion(), Engine.getEngine("PyTorch").getVersion(), OrtRunner.version(), peakGflops);
    }

    /** The first "model name" of /proc/cpuinfo, or the architecture where there is none. */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
