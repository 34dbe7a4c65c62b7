package io.jclas.pretrained;

import ai.djl.ndarray.NDManager;
import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.Preprocessing;
import io.jclas.model.Architecture;
import io.jclas.model.Checkpoints;
import io.jclas.model.Weights;
import io.jclas.pretrained.format.WeightFile;
import io.jclas.pretrained.format.WeightFiles;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import io.jclas.zoo.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Foreign weights where {@code Global.pretrained_model} points: a PaddleClas {@code .pdparams} or a
 * PyTorch state dict (or a directory holding one) loaded into the network of {@code Arch.name}
 * through its key map, or written as a jclas checkpoint that every command opens.
 */
public final class PretrainedWeights {
    /** {@code Arch.pretrained_strict}: false loads what fits and lists the rest. */
    public static final String STRICT_KEY = "Arch.pretrained_strict";
    private static final String IMAGENET_LABELS = "imagenet-labels.txt";
    private static final int IMAGENET_CLASSES = 1000;

    private PretrainedWeights() {}

    /** True when {@code path} is a foreign weight file (or a directory of one), not a jclas checkpoint. */
    public static boolean isForeign(Path path) {
        return !Files.isRegularFile(path.resolve(Weights.FILE_NAME)) && WeightFiles.isForeign(path);
    }

    /**
     * Initialises {@code net} (built from {@code config}) from {@code Global.pretrained_model}: a foreign
     * file is imported through its key map; a jclas checkpoint is loaded as it was saved, where
     * {@code fineTune} keeps fresh the parameters of another shape (a classifier for another class
     * count) and otherwise any difference fails.
     *
     * @return what was loaded, one line each, for the user
     */
    public static List<String> initialise(Network net, Config config, Path given, boolean fineTune) {
        if (isForeign(given)) {
            return load(net, config, given).lines();
        }
        Path dir = Checkpoints.directory(given, "Global.pretrained_model");
        List<String> skipped = Weights.load(net, dir.resolve(Weights.FILE_NAME), fineTune);
        return List.of("initialised from " + dir + (skipped.isEmpty() ? ""
                : " (kept fresh, another shape or absent: " + String.join(", ", skipped) + ")"));
    }

    /** Loads the file into {@code net}, built as {@code arch}; {@code strict} as {@link WeightImporter}. */
    public static ImportReport load(Network net, Architecture arch, Path file, boolean strict) {
        WeightFile read = WeightFiles.open(file);
        if (read.format().scheme() == NamingScheme.TORCHVISION && arch.variant() != Variant.TORCHVISION
                && Variant.TORCHVISION_FAMILIES.contains(Models.info(arch.name()).family())) {
            throw new JclasException(arch.name() + " is built as PaddleClas defines it, not torchvision (SqueezeNet: "
                    + "stem padding and floor-mode pooling; both: dropout scaled by 0.5 at inference), so torchvision's "
                    + "weights would compute another function in it",
                    "set Arch.variant: torchvision to build torchvision's " + arch.name() + " (-o Arch.variant=torchvision)");
        }
        KeyMap map = KeyMaps.forArchitecture(arch.name(), read.format().scheme());
        ImportReport report = WeightImporter.load(net, arch.name(), read.tensors(), map, strict);
        return report.withFormat(read.format().toString());
    }

    /** Loads the file into {@code net} with the config's {@code Arch.pretrained_strict} (default true). */
    public static ImportReport load(Network net, Config config, Path file) {
        return load(net, Architecture.from(config), file, config.getBool(STRICT_KEY, true));
    }

    /**
     * Imports the file into the network of {@code config} and writes a jclas checkpoint at {@code out}
     * (atomically; nothing is written when the file does not fit): model.npz, config.yaml (the
     * config, with the zoo's eval preprocessing for its input size where it has none), labels.txt (ImageNet's 1000 class
     * names when the classifier came from the file) and state.json.
     */
    public static ImportReport writeCheckpoint(Path file, Config config, Path out) {
        Architecture arch = Architecture.from(config);
        Config saved = config.copy().set("Arch.class_num", arch.classNum())
                .set("Global.image_shape", java.util.Arrays.stream(arch.imageShape()).boxed().toList());
        if (!Preprocessing.declaredIn(saved)) {
            saved.set(Preprocessing.INFER, evalPreprocessing(arch));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = arch.build(manager);
            ImportReport report = load(net, config, file);
            boolean imagenet = arch.classNum() == IMAGENET_CLASSES && report.recreated().isEmpty();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("format", Checkpoints.FORMAT);
            state.put("arch", arch.name());
            state.put("epoch", 0);
            state.put("imported_from", file.toAbsolutePath().toString());
            Checkpoints.save(out, net, Map.of(), state, saved, imagenet ? imagenetLabels() : List.of());
            return report;
        }
    }

    /** The 1000 ImageNet class names in class order (torchvision 0.14's weights metadata). */
    public static List<String> imagenetLabels() {
        try (InputStream in = PretrainedWeights.class.getResourceAsStream(IMAGENET_LABELS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("jclas is missing its resource " + IMAGENET_LABELS, e);
        }
    }

    /**
     * The zoo's eval preprocessing of the model (its crop ratio, mean and std: {@code ModelInfo.input()})
     * for the configured input size.
     */
    private static List<Object> evalPreprocessing(Architecture arch) {
        ModelInfo.InputDefaults input = Models.info(arch.name()).input();
        int size = arch.imageShape()[1];
        return Preprocessing.centerCrop(3, (int) Math.round(size / input.cropRatio()), size, input.mean(), input.std())
                .transformOps();
    }
}
