package io.jclas.bench;

import java.util.Map;

/**
 * The machine and software a report was measured on.
 *
 * @param cpuModel CPU model name from /proc/cpuinfo
 * @param cores processors available to the JVM
 * @param java Java runtime version
 * @param os operating system and architecture
 * @param djl DJL version
 * @param pytorch PyTorch native library version
 * @param onnxruntime ONNX Runtime version
 * @param peakGflops measured float32 matmul GFLOP/s through PyTorch, by thread count
 */
public record MachineInfo(
        String cpuModel, int cores, String java, String os, String djl, String pytorch, String onnxruntime,
        Map<Integer, Double> peakGflops) {

    public MachineInfo {
        peakGflops = Map.copyOf(peakGflops);
    }
}
