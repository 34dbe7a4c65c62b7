package io.jclas.bench.recommend;

import io.jclas.JclasException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns an exported fp32 ONNX model into an int8 one, so that {@code --precision int8} measures
 * the quantised model. jclas-onnx's int8 quantization plugs in through {@link #available()}; until
 * it does, int8 fails with a message instead of measuring the fp32 model under another name.
 */
@FunctionalInterface
public interface Int8Quantizer {
    /** Writes the int8 model of {@code fp32Model} to {@code int8Model}. */
    void quantize(Path fp32Model, Path int8Model);

    /** The quantizer of this build, if it has one. */
    static Optional<Int8Quantizer> available() {
        return Optional.empty();
    }

    /** The error for an int8 request in a build without a quantizer. */
    static JclasException missing() {
        return new JclasException("--precision int8 needs jclas-onnx's int8 quantizer, which this build does not have",
                "use --precision fp32; int8 candidates are measured once the quantizer is part of jclas");
    }
}
