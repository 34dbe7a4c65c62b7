package io.jclas.bench;

import io.jclas.zoo.Network;
import java.nio.file.Path;

/** Writes an initialised network as an ONNX model for a square input of the given channels and side. */
@FunctionalInterface
public interface OnnxExport {
    void export(Network net, int channels, int size, Path onnxFile);
}
