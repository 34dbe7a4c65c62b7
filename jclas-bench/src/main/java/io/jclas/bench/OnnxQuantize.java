package io.jclas.bench;

import java.nio.file.Path;

/** Writes the int8 (QDQ) version of an exported fp32 ONNX model, calibrated on random images of its input shape. */
@FunctionalInterface
public interface OnnxQuantize {
    void quantize(Path fp32File, int channels, int size, Path int8File);
}
