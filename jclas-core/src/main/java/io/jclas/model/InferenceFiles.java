package io.jclas.model;

import io.jclas.JclasException;
import io.jclas.infer.TopK;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of an inference directory besides model.onnx: {@code inference.yml} (model name and
 * preprocessing, in PaddleClas's shape) and {@code labels.txt} (one class name per line).
 *
 * <p>The YAML itself is {@link InferenceYaml}'s, shared with the rest of jclas.
 */
public final class InferenceFiles {
    public static final String MODEL = "model.onnx";
    public static final String INFERENCE_YAML = InferenceYaml.FILE_NAME;
    public static final String LABELS = "labels.txt";

    private InferenceFiles() {}

    /** The inference.yml of {@code dir}, or null when there is none (a foreign ONNX model). */
    public static InferenceYaml readInferenceYaml(Path dir) {
        Path file = dir.resolve(InferenceYaml.FILE_NAME);
        return Files.isRegularFile(file) ? InferenceYaml.read(file) : null;
    }

    /** Writes one label per class: the given names, then {@code class_N} for classes without one. */
    public static void writeLabels(Path dir, List<String> labels, int classNum) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < classNum; i++) {
            text.append(TopK.label(labels, i)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(LABELS), text.toString());
    }

    /** The labels of {@code dir}, or an empty list when it has no labels.txt. */
    public static List<String> readLabels(Path dir) {
        Path file = dir.resolve(LABELS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new JclasException("cannot read " + file + ": " + e.getMessage(), "check the file's permissions", e);
        }
    }
}
