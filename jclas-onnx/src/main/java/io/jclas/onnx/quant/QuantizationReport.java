package io.jclas.onnx.quant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code quantization.json} records: the settings, the images used, the parameters of every
 * quantized activation, what stayed float and why, and fp32 against int8 Top-1 on the holdout.
 *
 * @param top1Fp32 fraction of holdout images the fp32 graph (in ONNX Runtime) classifies right
 * @param top1Int8 the same for the QDQ graph
 * @param agreement fraction of holdout images on which both graphs give the same top-1 class
 */
public record QuantizationReport(String method, int calibrationImages, int holdoutImages, boolean perChannel,
        boolean reduceRange, List<String> excluded, List<String> floatNodes, List<String> floatStems,
        Map<String, Integer> floatOps, Map<String, Integer> integerForms, Map<String, String> paddedDepthwise,
        Map<String, QuantParams> activations, double top1Fp32, double top1Int8, double agreement) {

    /** fp32 minus int8 Top-1, in points (percent). */
    public double drop() {
        return 100 * (top1Fp32 - top1Int8);
    }

    /** The report as quantization.json. */
    public String toJson() {
        StringBuilder j = new StringBuilder("{\n");
        field(j, "method", quote(method));
        field(j, "activations", quote("uint8, asymmetric, per tensor"));
        field(j, "weights", quote("int8, symmetric, " + (perChannel ? "per output channel" : "per tensor")
                + (reduceRange ? ", 7-bit (reduce_range)" : "")));
        field(j, "calibration_images", Integer.toString(calibrationImages));
        field(j, "holdout_images", Integer.toString(holdoutImages));
        field(j, "top1_fp32", num(top1Fp32));
        field(j, "top1_int8", num(top1Int8));
        field(j, "top1_drop_points", num(drop()));
        field(j, "top1_agreement", num(agreement));
        field(j, "excluded_nodes", strings(excluded));
        field(j, "float_nodes", strings(floatNodes));
        field(j, "float_nodes_why", quote("excluded by the user; the logits (the classifier Gemm's output) are always float"));
        field(j, "float_stems", strings(floatStems));
        field(j, "float_stems_why", quote("a convolution on the image's 1-3 channels has 9-27-long dot products, too "
                + "short for ONNX Runtime's int8 GEMM; its fp32 kernel is faster (its output is quantized)"));
        field(j, "float_ops", counts(floatOps));
        field(j, "float_ops_why", quote("no integer kernel in ONNX Runtime (or a float input): a "
                + "DequantizeLinear/QuantizeLinear pair around each would cost more than the float op"));
        field(j, "integer_forms", counts(integerForms));
        field(j, "integer_forms_why", quote("HardSigmoid(x) as QLinearAdd(x, beta/alpha) requantized with scale "
                + "1/(255 alpha) and read with scale 1/255 (the saturation clips to [0, 1]); HardSwish(x) as "
                + "QLinearMul(x, that): ONNX Runtime has no integer HardSigmoid/HardSwish"));
        StringBuilder pads = new StringBuilder("{");
        paddedDepthwise.forEach((node, channels) -> pads.append(pads.length() > 1 ? ", " : "").append(quote(node))
                .append(": ").append(quote(channels)));
        field(j, "padded_depthwise", pads.append('}').toString());
        field(j, "padded_depthwise_why", quote("zero channels up to a multiple of 16, which ONNX Runtime's fast int8 "
                + "depthwise kernel needs on x86; exact: the extra channels are read with zero weights"));
        StringBuilder scales = new StringBuilder("{\n");
        activations.forEach((t, p) -> scales.append(scales.length() > 2 ? ",\n" : "").append("    ").append(quote(t))
                .append(": {\"scale\": ").append(num(p.scale())).append(", \"zero_point\": ").append(p.zeroPoint())
                .append('}'));
        j.append("  \"scales\": ").append(scales).append("\n  }\n}\n");
        return j.toString();
    }

    private static void field(StringBuilder j, String key, String value) {
        j.append("  ").append(quote(key)).append(": ").append(value).append(",\n");
    }

    private static String counts(Map<String, Integer> byOp) {
        StringBuilder ops = new StringBuilder("{");
        byOp.forEach((op, n) -> ops.append(ops.length() > 1 ? ", " : "").append(quote(op)).append(": ").append(n));
        return ops.append('}').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        values.forEach(v -> s.append(s.length() > 1 ? ", " : "").append(quote(v)));
        return s.append(']').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
