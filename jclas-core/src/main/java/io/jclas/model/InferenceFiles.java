package io.jclas.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of an inference directory: {@code model.onnx}, {@code inference.yml} (model name and
 * preprocessing in PaddleClas's shape, {@link InferenceYaml}) and {@code labels.txt} ({@link Labels}).
 */
public final class InferenceFiles {
    public static final String MODEL = "model.onnx";
    public static final String INFERENCE_YAML = InferenceYaml.FILE_NAME;
    public static final String LABELS = Labels.FILE_NAME;

    private InferenceFiles() {}

    /** The inference.yml of {@code dir}, or null when there is none (a foreign ONNX model). */
    public static InferenceYaml readInferenceYaml(Path dir) {
        Path file = dir.resolve(InferenceYaml.FILE_NAME);
        return Files.isRegularFile(file) ? InferenceYaml.read(file) : null;
    }
}
