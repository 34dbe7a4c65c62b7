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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files of an inference directory (every file at its top level: model.onnx, inference.yml,
 * labels.txt, and what another runtime's directory holds) as bytes: what the driver broadcasts once,
 * so that every executor opens the same model without a shared filesystem. Identified by the SHA-256
 * of the names and bytes.
 */
final class ModelFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The labels of every model this JVM has checked, by id. */
    private static final Map<String, List<String>> CHECKED = new ConcurrentHashMap<>();

    private final Map<String, byte[]> files;
    private final String id;
    private final List<String> labels;

    private ModelFiles(Map<String, byte[]> files, String id, List<String> labels) {
        this.files = files;
        this.id = id;
        this.labels = labels;
    }

    /**
     * Reads {@code dir}, after opening it on the driver, so that a missing or damaged model fails here,
     * with the classifier's own message, before any job starts. A model this JVM has opened before
     * (the same bytes) is not opened again: a driver that runs many jobs checks it once.
     */
    static ModelFiles read(Path dir) {
        Map<String, byte[]> files = Files.isDirectory(dir) ? readFiles(dir) : Map.of();
        String id = sha256(files);
        List<String> labels = CHECKED.computeIfAbsent(id, key -> {
            try (Classifier check = Classifier.load(dir)) {
                return List.copyOf(check.describe().labels());
            }
        });
        return new ModelFiles(files, id, labels);
    }

    private static Map<String, byte[]> readFiles(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new JclasException("cannot read the model directory " + dir + ": " + e.getMessage(),
                    "check the files' permissions", e);
        }
        return files;
    }

    private static String sha256(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
}
