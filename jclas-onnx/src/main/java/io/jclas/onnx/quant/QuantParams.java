package io.jclas.onnx.quant;

/**
 * The affine map of ONNX QuantizeLinear / DequantizeLinear for one tensor (or one channel):
 * {@code q = saturate(round_half_even(x / scale) + zeroPoint)}, {@code x' = (q - zeroPoint) * scale}.
 *
 * @param scale the step between two integer levels
 * @param zeroPoint the integer that stands for 0.0 (exact, so zero padding and ReLU stay exact)
 * @param qmin the smallest integer level (0 for uint8, -127 or -128 for int8)
 * @param qmax the largest integer level
 */
public record QuantParams(float scale, int zeroPoint, int qmin, int qmax) {

    /**
     * Asymmetric uint8 activations over a calibrated range, widened to hold 0 (the ORT and
     * TensorRT convention: zero must be representable exactly).
     */
    public static QuantParams uint8(float min, float max) {
        float lo = Math.min(min, 0f);
        float hi = Math.max(max, 0f);
        if (hi - lo < 1e-12f) {
            return new QuantParams(1f, 0, 0, 255);
        }
        float scale = (hi - lo) / 255f;
        int zero = Math.max(0, Math.min(255, Math.round(-lo / scale)));
        return new QuantParams(scale, zero, 0, 255);
    }

    /**
     * Symmetric int8 weights: zero point 0, levels -127..127 (or -63..63 with {@code reduceRange},
     * which keeps u8 x s8 products of AVX2 without VNNI from saturating their int16 sums).
     */
    public static QuantParams int8Symmetric(float absMax, boolean reduceRange) {
        int q = reduceRange ? 63 : 127;
        float scale = absMax < 1e-12f ? 1f : absMax / q;
        return new QuantParams(scale, 0, -q, q);
    }

    /** QuantizeLinear of one value. */
    public int quantize(float x) {
        long q = (long) Math.rint(x / scale) + zeroPoint;
        return (int) Math.max(qmin, Math.min(qmax, q));
    }

    /** DequantizeLinear of one level. */
    public float dequantize(int q) {
        return (q - zeroPoint) * scale;
    }
}
