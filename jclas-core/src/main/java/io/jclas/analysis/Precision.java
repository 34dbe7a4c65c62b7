package io.jclas.analysis;

import java.util.Locale;

/** The number format a deployed model stores its tensors in, and so the bytes of one element. */
public enum Precision {
    FP32(4),
    /** Weights and activations as 8-bit integers (a QDQ-quantised ONNX model). */
    INT8(1);

    private final int bytesPerElement;

    Precision(int bytesPerElement) {
        this.bytesPerElement = bytesPerElement;
    }

    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** Bytes of {@code elements} elements in this format. */
    public long bytes(long elements) {
        return elements * bytesPerElement;
    }

    /** The lower-case name used in options and tables: fp32, int8. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
