package io.jclas.bench.recommend;

import io.jclas.analysis.Precision;

/**
 * One model measured on this machine at one precision: what the selection ranks.
 *
 * @param name the zoo name (a weight-variant alias shares its architecture's measurement)
 * @param architecture the architecture measured
 * @param family the family title
 * @param precision the number format of the measured ONNX model
 * @param top1 accuracy as a fraction, NaN where the accuracy source has none
 * @param flops FLOPs of one image (2 x multiply-adds) at the measured input size
 * @param memoryAccessBytes bytes read and written by one image's forward at this precision
 * @param latencyMs median of the repeated per-round medians of one forward of the whole batch
 * @param spreadMs half the range of those round medians (the measurement noise); NaN when the
 *     measurement stopped early
 * @param stoppedEarly true when the first round was already clearly over the latency budget
 * @param memoryBytes resident memory of the model running in a fresh JVM, above its idle
 *     baseline; -1 where not measured (stopped early, or the probe failed: see {@code note})
 * @param note why something was not measured, or empty
 */
public record Candidate(
        String name,
        String architecture,
        String family,
        Precision precision,
        double top1,
        long flops,
        long memoryAccessBytes,
        double latencyMs,
        double spreadMs,
        boolean stoppedEarly,
        long memoryBytes,
        String note) {

    public boolean hasAccuracy() {
        return !Double.isNaN(top1);
    }

    public boolean memoryMeasured() {
        return memoryBytes >= 0;
    }

    /** Memory in MB (10^6 bytes), NaN where not measured. */
    public double memoryMb() {
        return memoryMeasured() ? memoryBytes / 1e6 : Double.NaN;
    }

    /** The same measurement with another accuracy, for an alias of the measured architecture. */
    public Candidate as(String aliasName, double aliasTop1) {
        return new Candidate(aliasName, architecture, family, precision, aliasTop1, flops, memoryAccessBytes,
                latencyMs, spreadMs, stoppedEarly, memoryBytes, note);
    }

    /** The name with its precision when it is not fp32: {@code ResNet18_vd int8}. */
    public String label() {
        return precision == Precision.FP32 ? name : name + " " + precision.id();
    }
}
