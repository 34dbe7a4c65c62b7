package io.jclas.model;

import io.jclas.JclasException;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code labels.txt} of a checkpoint or an inference directory: one class name per line, line
 * {@code N} naming class {@code N}.
 */
public final class Labels {
    public static final String FILE_NAME = "labels.txt";

    private Labels() {}

    /** The name of a class: its line of labels.txt, or {@code class_N} where there is none. */
    public static String name(List<String> labels, int classId) {
        return classId < labels.size() ? labels.get(classId) : "class_" + classId;
    }

    /** Writes one line per class atomically: the given names, then {@code class_N} for classes without one. */
    public static void write(Path dir, List<String> labels, int classNum) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < classNum; i++) {
            text.append(name(labels, i)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(FILE_NAME), text.toString());
    }

    /** The labels of {@code dir}, or an empty list when it has no labels.txt (a foreign ONNX model). */
    public static List<String> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
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
