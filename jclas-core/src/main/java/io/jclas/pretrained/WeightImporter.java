package io.jclas.pretrained;

import ai.djl.ndarray.NDArray;
import io.jclas.JclasException;
import io.jclas.zoo.Network;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills every parameter of a network from a foreign {@link StateDict} through a {@link KeyMap}, with
 * timm's fine-tuning rules:
 *
 * <ul>
 *   <li>a head parameter whose shape differs from the file's in its outputs only (another {@code
 *       class_num}) keeps its initial value: the classifier is re-created, and the report names the
 *       keys skipped;
 *   <li>a first convolution of 1 input channel gets the file's RGB kernel summed over its 3 input
 *       channels (a gray image fed as R = G = B gives the same response);
 *   <li>a parameter the file lacks, a file key no parameter uses, or any other shape difference
 *       fails with one line naming the first few, unless {@code strict} is false: then they keep
 *       their initial values and the report lists them.
 * </ul>
 */
public final class WeightImporter {
    private static final String HEAD = "head_";
    private static final int SHOWN = 3;

    private WeightImporter() {}

    /** Loads {@code file} into the (initialised) {@code net}; {@code what} names the network in errors. */
    public static ImportReport load(Network net, String what, StateDict file, KeyMap map, boolean strict) {
        List<ParameterPaths.Named> params = ParameterPaths.of(net);
        Run run = new Run(file, map);
        for (ParameterPaths.Named p : params) {
            run.resolve(p);
        }
        List<String> unexpected = new ArrayList<>(file.keys());
        unexpected.removeAll(run.used);
        if (strict && !(run.missing.isEmpty() && unexpected.isEmpty() && run.wrongShape.isEmpty())) {
            throw misfit(what, file, run.missing, unexpected, run.wrongShape);
        }
        // nothing is set before the whole file is known to fit: a failed import leaves the network as it was
        run.assignments.forEach(Runnable::run);
        return new ImportReport(file.source().getFileName().toString(), run.assignments.size(), params.size(),
                run.recreated, run.summed, run.identity, run.missing, unexpected, run.wrongShape);
    }

    /** One import: where each parameter's value comes from, and what did not fit. */
    private static final class Run {
        final StateDict file;
        final KeyMap map;
        final Set<String> used = new LinkedHashSet<>();
        final List<String> recreated = new ArrayList<>();
        final List<String> identity = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        final List<String> wrongShape = new ArrayList<>();
        final List<Runnable> assignments = new ArrayList<>();
        String summed;
        boolean firstConvSeen;

        Run(StateDict file, KeyMap map) {
            this.file = file;
            this.map = map;
        }

        /** Finds the value of one parameter and queues its assignment, or records why there is none. */
        void resolve(ParameterPaths.Named p) {
            NDArray target = p.parameter().getArray();
            long[] shape = target.getShape().getShape();
            boolean firstConv = !firstConvSeen && shape.length == 4 && p.path().endsWith("_weight");
            firstConvSeen |= firstConv;
            KeyMap.Source source = map.sourceOf(p.path());
            StoredTensor value = source == null ? fixed(p, shape) : stored(p.path(), source, shape, firstConv);
            if (value != null) {
                float[] values = value.values();
                assignments.add(() -> target.set(FloatBuffer.wrap(values)));
            }
        }

        /** The value the key map gives a layer the file's architecture has not (the identity), or null. */
        private StoredTensor fixed(ParameterPaths.Named p, long[] shape) {
            StoredTensor value = map.fixedValue(p.path(), shape);
            if (value == null) {
                missing.add(p.path());
                return null;
            }
            String layer = p.path().substring(0, p.path().lastIndexOf('_'));
            if (!identity.contains(layer)) {
                identity.add(layer);
            }
            return value;
        }

        /** The file's array for a parameter of {@code shape}, or null where it is absent or does not fit. */
        private StoredTensor stored(String path, KeyMap.Source source, long[] shape, boolean firstConv) {
            StoredTensor stored = file.get(source.key());
            if (stored == null) {
                missing.add(path + " (" + source.key() + ")");
                return null;
            }
            used.add(source.key());
            StoredTensor value = source.layout() == KeyMap.Layout.TRANSPOSED ? transpose(stored, source.key()) : stored;
            if (firstConv && isRgbOf(value.shape(), shape)) {
                summed = source.key();
                return sumOverInputChannels(value);
            }
            if (Arrays.equals(value.shape(), shape)) {
                return value;
            }
            if (path.startsWith(HEAD) && differsInOutputsOnly(value.shape(), shape)) {
                recreated.add(source.key());
            } else {
                wrongShape.add(source.key() + " " + value + " for " + Arrays.toString(shape));
            }
            return null;
        }
    }

    /** The first few entries of a list, and how many more there are. */
    static String firstFew(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(SHOWN, items.size())));
        return items.size() > SHOWN ? shown + " and " + (items.size() - SHOWN) + " more" : shown;
    }

    private static JclasException misfit(String what, StateDict file, List<String> missing, List<String> unexpected,
            List<String> wrongShape) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing: " + firstFew(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add(unexpected.size() + " unexpected: " + firstFew(unexpected));
        }
        if (!wrongShape.isEmpty()) {
            parts.add(wrongShape.size() + " of another shape: " + firstFew(wrongShape));
        }
        return new JclasException("weights " + file.source() + " do not fit " + what + ": " + String.join("; ", parts),
                "check that Arch.name is the file's architecture, or set Arch.pretrained_strict: false to load what fits");
    }

    /** Shapes that differ in their first dimension only: a classifier for another class count. */
    private static boolean differsInOutputsOnly(long[] stored, long[] target) {
        return stored.length == target.length && stored[0] != target[0]
                && Arrays.equals(stored, 1, stored.length, target, 1, target.length);
    }

    /** A stored [o, 3, k, k] kernel for a jclas [o, 1, k, k] one. */
    private static boolean isRgbOf(long[] stored, long[] target) {
        return stored.length == 4 && stored[1] == 3 && target[1] == 1 && stored[0] == target[0]
                && stored[2] == target[2] && stored[3] == target[3];
    }

    private static StoredTensor sumOverInputChannels(StoredTensor rgb) {
        long[] s = rgb.shape();
        int kernel = (int) (s[2] * s[3]);
        float[] out = new float[(int) s[0] * kernel];
        for (int o = 0; o < s[0]; o++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < kernel; k++) {
                    out[o * kernel + k] += rgb.values()[(o * 3 + c) * kernel + k];
                }
            }
        }
        return new StoredTensor(new long[] {s[0], 1, s[2], s[3]}, out);
    }

    /** Paddle's [in, out] Linear weight as jclas's [out, in]. */
    private static StoredTensor transpose(StoredTensor t, String key) {
        if (t.shape().length != 2) {
            throw new JclasException("weights key " + key + " has shape " + t + ", not a 2-D matrix to transpose",
                    "the key map expects a Linear weight here; check Arch.name against the file");
        }
        int rows = (int) t.shape()[0];
        int cols = (int) t.shape()[1];
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = t.values()[r * cols + c];
            }
        }
        return new StoredTensor(new long[] {cols, rows}, out);
    }
}
