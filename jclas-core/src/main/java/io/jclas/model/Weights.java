package io.jclas.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.jclas.JclasException;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one weight-file format of jclas: a NumPy {@code .npz} archive of every parameter (running
 * statistics included), keyed by the parameter's path in the block tree
 * ({@code features_stem_0_weight}). Readable with {@code numpy.load}.
 */
public final class Weights {
    public static final String FILE_NAME = "model.npz";

    private Weights() {}

    /** Writes every parameter of an initialised block atomically (temp file + rename). */
    public static void save(Block block, Path file) {
        NDList list = new NDList();
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            NDArray named = a.duplicate();
            named.setName(p.getKey());
            list.add(named);
        }
        try {
            AtomicFiles.write(file, out -> list.encode(out, NDList.Encoding.NPZ));
        } finally {
            list.close();
        }
    }

    /**
     * Copies the parameters stored in {@code file} into an initialised block. With {@code
     * skipMismatched}, parameters whose shape differs (a classifier for another class count) keep
     * their initial values; otherwise any difference is an error.
     *
     * @return the names that were not loaded (missing in the file or of another shape)
     */
    public static List<String> load(Block block, Path file, boolean skipMismatched) {
        if (!Files.isRegularFile(file)) {
            throw new JclasException("weights file not found: " + file,
                    "point Global.pretrained_model at a checkpoint directory or its " + FILE_NAME);
        }
        List<String> skipped = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                InputStream in = Files.newInputStream(file)) {
            NDList stored = NDList.decode(manager, in);
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (NDArray a : stored) {
                byName.put(a.getName(), a);
            }
            for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
                NDArray target = p.getValue().getArray();
                NDArray source = byName.get(p.getKey());
                if (source != null && source.getShape().equals(target.getShape())) {
                    target.set(source.toType(target.getDataType(), false).toByteBuffer());
                } else if (skipMismatched) {
                    skipped.add(p.getKey());
                } else {
                    throw new JclasException(
                            "weights in " + file + " do not fit this model at " + p.getKey()
                                    + (source == null ? " (missing)" : " (shape " + source.getShape()
                                            + " vs " + target.getShape() + ")"),
                            "load weights saved from the same Arch.name, class_num and input channels");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // DJL reports a truncated archive as IllegalArgumentException("Malformed data")
            throw new JclasException("cannot read weights " + file + ": truncated or damaged (" + e.getMessage() + ")",
                    "the file is damaged or not a jclas " + FILE_NAME + "; use another checkpoint", e);
        }
        return skipped;
    }
}
