package io.jclas.onnx.quant;

import io.jclas.JclasException;
import java.util.Locale;

/** How a calibrated activation range is chosen from the values seen (docs/deploy.md gives the formulas). */
public enum CalibrationMethod {
    /** The smallest and largest value seen. */
    MINMAX,
    /** |x| clipped at its 99.99th percentile, as ORT's percentile calibrator. */
    PERCENTILE,
    /** The |x| threshold that minimises the KL divergence of the 128-level histogram, as TensorRT's entropy calibrator. */
    ENTROPY;

    /** The method named on the command line ({@code minmax}, {@code percentile}, {@code entropy}). */
    public static CalibrationMethod parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JclasException("unknown calibration method '" + name + "'", "use minmax, percentile or entropy");
        }
    }

    /** The name in quantization.json and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
