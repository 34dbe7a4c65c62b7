package io.jclas.zoo;

import io.jclas.JclasException;
import io.jclas.util.Suggest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model zoo: every architecture of the seeds, built by its PaddleClas name.
 *
 * <pre>{@code
 * Network net = Models.create("ShuffleNetV2_x1_0", ModelOptions.defaults().withClassNum(10));
 * }</pre>
 */
public final class Models {
    private static final Map<String, ModelInfo> INFOS = new LinkedHashMap<>();
    private static final Map<String, Function<ModelOptions, Network>> BUILDERS = new HashMap<>();

    static {
        Map<String, ModelInfo.Published> published = readPublished();
        Registry registry = new Registry() {
            @Override
            public void add(String name, Family family, int inputSize, int minInputSize, int maxInputSize,
                    ModelInfo.InputDefaults input, Function<ModelOptions, Network> builder) {
                INFOS.put(name, new ModelInfo(name, name, family, inputSize, minInputSize, maxInputSize, input,
                        published.getOrDefault(name, ModelInfo.Published.NONE)));
                BUILDERS.put(name, builder);
            }

            @Override
            public void alias(String name, String architecture, int inputSize) {
                ModelInfo base = INFOS.get(architecture);
                INFOS.put(name, new ModelInfo(name, architecture, base.family(), inputSize,
                        base.minInputSize(), base.maxInputSize(), base.input(),
                        published.getOrDefault(name, ModelInfo.Published.NONE)));
            }
        };
        ResNet.register(registry);
        SeResNeXt.register(registry);
        DarkNet.register(registry);
        AlexNet.register(registry);
        SqueezeNet.register(registry);
        ShuffleNetV2.register(registry);
        MobileNetV1.register(registry);
        MobileNetV2.register(registry);
        MobileNetV3.register(registry);
        GhostNet.register(registry);
    }

    private Models() {}

    /** Builds the named model with default options (1000 classes, 3 channels). */
    public static Network create(String name) {
        return create(name, ModelOptions.defaults());
    }

    /** Builds the named model; fails with a one-line error for unknown names or unusable sizes. */
    public static Network create(String name, ModelOptions options) {
        ModelInfo info = info(name);
        if (options.inputSize() > 0) {
            checkInputSize(info, options.inputSize(), options.smallInput());
        }
        if (options.classNum() < 1) {
            throw new JclasException("class_num must be at least 1, got " + options.classNum(),
                    "set Arch.class_num to the number of classes in your data");
        }
        return BUILDERS.get(info.architecture()).apply(options);
    }

    /** Fails when the model cannot take square inputs of side {@code size} (with or without small_input). */
    public static void checkInputSize(ModelInfo info, int size, boolean smallInput) {
        if (smallInput) {
            return;
        }
        if (size < info.minInputSize()) {
            throw new JclasException(
                    info.name() + " needs inputs of at least " + info.minInputSize() + "x" + info.minInputSize()
                            + ", got " + size + "x" + size,
                    "resize the images (ResizeImage size=" + info.minInputSize()
                            + ") or set Arch.small_input=true where the family supports it");
        }
        if (info.maxInputSize() > 0 && size > info.maxInputSize()) {
            throw new JclasException(
                    info.name() + " accepts inputs from " + info.minInputSize() + " to " + info.maxInputSize()
                            + " pixels, got " + size,
                    "resize the images to " + info.inputSize() + "x" + info.inputSize());
        }
    }

    /** Metadata of a name; unknown names fail with the closest names. */
    public static ModelInfo info(String name) {
        ModelInfo info = INFOS.get(name);
        if (info == null) {
            throw new JclasException("unknown model '" + name + "'",
                    "did you mean " + String.join(", ", closest(name, 3)) + "? (`jclas models` lists all)");
        }
        return info;
    }

    /** Every registered name, architectures and aliases, in registration order. */
    public static List<ModelInfo> list() {
        return List.copyOf(INFOS.values());
    }

    /** True when the name is registered. */
    public static boolean contains(String name) {
        return INFOS.containsKey(name);
    }

    /** The {@code n} registered names nearest to {@code name} by case-insensitive edit distance. */
    public static List<String> closest(String name, int n) {
        return Suggest.closest(name, INFOS.keySet(), n);
    }

    private static Map<String, ModelInfo.Published> readPublished() {
        Map<String, ModelInfo.Published> out = new HashMap<>();
        try (InputStream in = Models.class.getResourceAsStream("zoo-targets.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = r.lines().skip(1).filter(l -> !l.isBlank()).collect(Collectors.toList());
            for (String line : lines) {
                String[] f = line.split(",");
                out.put(f[0], new ModelInfo.Published(num(f[2]), num(f[3]), num(f[4]), num(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double num(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
