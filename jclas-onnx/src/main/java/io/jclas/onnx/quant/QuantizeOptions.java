package io.jclas.onnx.quant;

import io.jclas.JclasException;
import java.util.Set;

/**
 * The settings of post-training static quantization.
 *
 * @param method how activation ranges are chosen from the calibration images
 * @param perChannel one weight scale per output channel (the default: depthwise convolutions and
 *     MobileNetV3 lose many points with one scale per tensor)
 * @param reduceRange 7-bit weights, for x86 CPUs with AVX2 but without VNNI, whose u8 x s8
 *     instruction saturates on 8-bit weights
 * @param exclude node names (as in model.onnx) kept in float
 * @param maxDrop the largest fp32 - int8 Top-1 drop, in points, that {@link Quantizer#export} accepts
 * @param force write the model even when the drop is larger
 */
public record QuantizeOptions(CalibrationMethod method, boolean perChannel, boolean reduceRange, Set<String> exclude,
        double maxDrop, boolean force) {

    public QuantizeOptions {
        exclude = Set.copyOf(exclude);
        if (!(maxDrop >= 0)) {
            throw new JclasException("max drop " + maxDrop + " is not a number of points >= 0", "use e.g. --max-drop 1.0");
        }
    }

    /** Min-max calibration, per-channel 8-bit weights, nothing excluded, at most 1 point of Top-1 lost. */
    public static QuantizeOptions defaults() {
        return new QuantizeOptions(CalibrationMethod.MINMAX, true, false, Set.of(), 1.0, false);
    }

    public QuantizeOptions withMethod(CalibrationMethod m) {
        return new QuantizeOptions(m, perChannel, reduceRange, exclude, maxDrop, force);
    }

    public QuantizeOptions withForce(boolean f) {
        return new QuantizeOptions(method, perChannel, reduceRange, exclude, maxDrop, f);
    }
}
