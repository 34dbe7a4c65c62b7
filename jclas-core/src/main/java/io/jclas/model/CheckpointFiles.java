package io.jclas.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.jclas.JclasException;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** File-level plumbing of checkpoints: whole directories written atomically, named-array npz files. */
public final class CheckpointFiles {
    private CheckpointFiles() {}

    /**
     * Writes directory {@code dir} atomically: {@code fill} writes into a hidden sibling temp
     * directory, which then replaces {@code dir} by rename. A reader sees the old directory or the
     * new one, never a half-written one. Between the two renames there is briefly none; a process
     * killed there leaves the old one as {@code .<name>.old*}, which {@link #recover} puts back.
     * Temp directories of writers killed earlier are removed first.
     */
    public static void writeDirectory(Path dir, Consumer<Path> fill) {
        Path target = dir.toAbsolutePath();
        Path parent = target.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            recover(target);
            for (Path stale : siblings(target, ".tmp")) {
                deleteTree(stale);
            }
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            fill.accept(tmp);
            if (Files.exists(target)) {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old");
                Files.delete(old);
                move(target, old);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    /**
     * Puts back the previous directory of a write that was killed between its two renames: when
     * {@code dir} is missing and a hidden {@code .<name>.old*} sibling is left, the newest of them
     * becomes {@code dir} again.
     */
    static void recover(Path dir) {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return;
        }
        siblings(target, ".old").stream().max(Comparator.comparing(CheckpointFiles::modified)).ifPresent(old -> {
            try {
                move(old, target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restore " + target + " from " + old + ": " + e.getMessage(), e);
            }
        });
    }

    /** The hidden siblings {@code .<name><kind>*} that writes of {@code target} leave behind. */
    private static List<Path> siblings(Path target, String kind) {
        String prefix = "." + target.getFileName() + kind;
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes named arrays as an npz (readable with numpy.load). */
    public static void writeArrays(Path file, Map<String, NDArray> arrays) {
        NDList list = new NDList();
        try {
            for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                NDArray copy = e.getValue().duplicate();
                copy.setName(e.getKey());
                list.add(copy);
            }
            AtomicFiles.write(file, out -> list.encode(out, NDList.Encoding.NPZ));
        } finally {
            list.close();
        }
    }

    /** Reads an npz written by {@link #writeArrays} into {@code manager}. */
    public static Map<String, NDArray> readArrays(Path file, NDManager manager) {
        if (!Files.isRegularFile(file)) {
            throw new JclasException("checkpoint file not found: " + file,
                    "point at a checkpoint directory written by jclas train (it holds model.npz and optimizer.npz)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (NDArray a : NDList.decode(manager, in)) {
                out.put(a.getName(), a);
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            // DJL reports a truncated archive as IllegalArgumentException("Malformed data")
            throw new JclasException("cannot read " + file + ": truncated or damaged (" + e.getMessage() + ")",
                    "the checkpoint is damaged; resume from another one", e);
        }
    }
}
