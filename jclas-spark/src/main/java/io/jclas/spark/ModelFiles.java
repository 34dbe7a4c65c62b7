package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.infer.Classifier;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of an inference directory (every file at its top level: model.onnx, inference.yml,
 * labels.txt, and what another runtime's directory holds) as bytes: what the driver broadcasts once,
 * so that every executor opens the same model without a shared filesystem. Identified by the SHA-256
 * of the names and bytes.
 */
final class ModelFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, byte[]> files;
    private final String id;
    private final List<String> labels;

    private ModelFiles(Map<String, byte[]> files, String id, List<String> labels) {
        this.files = files;
        this.id = id;
        this.labels = labels;
    }

    /**
     * Opens {@code dir} on the driver first, so that a missing or damaged model fails here, with the
     * classifier's own message, before any job starts; then reads its files.
     */
    static ModelFiles read(Path dir) {
        List<String> labels;
        try (Classifier check = Classifier.load(dir)) {
            labels = List.copyOf(check.describe().labels());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                files.put(name, bytes);
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
        } catch (IOException e) {
            throw new JclasException("cannot read the model directory " + dir + ": " + e.getMessage(),
                    "check the files' permissions", e);
        }
        return new ModelFiles(files, HexFormat.of().formatHex(sha.digest()), labels);
    }

    /** Which model this is: equal bytes give equal ids. */
    String id() {
        return id;
    }

    /** The model's class names (labels.txt; empty for a foreign model without one). */
    List<String> labels() {
        return labels;
    }

    /** Writes the files into {@code dir} (an executor's local copy). */
    void writeTo(Path dir) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model into " + dir, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
