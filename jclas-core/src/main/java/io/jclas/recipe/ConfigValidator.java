package io.jclas.recipe;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.config.DeviceSpec;
import io.jclas.data.transform.Preprocessing;
import io.jclas.data.transform.Transforms;
import io.jclas.recipe.ConfigSchema.Bounded;
import io.jclas.recipe.ConfigSchema.Fixed;
import io.jclas.recipe.ConfigSchema.Kind;
import io.jclas.recipe.ConfigSchema.NamedList;
import io.jclas.recipe.ConfigSchema.OneOf;
import io.jclas.recipe.ConfigSchema.Rule;
import io.jclas.recipe.ConfigSchema.Section;
import io.jclas.util.Suggest;
import io.jclas.zoo.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one check of a config, run by every command that reads one before it does any work: every key
 * must be known ({@link ConfigSchema}; an unknown one fails naming the closest known key), every value
 * of the right form and range, the model must exist and take the image size, and the files the
 * command reads must exist. PaddleClas keys that jclas does not act on are accepted and returned, for
 * the caller to report in one warning ({@link #warning}).
 */
public final class ConfigValidator {
    /** What a command does with the config: the keys it needs, and which of the files it names must exist. */
    public enum Use {
        TRAIN(List.of("Arch.name", "DataLoader.Train", "Optimizer"),
                "Global.checkpoints", "Global.pretrained_model", "DataLoader", "Distillation"),
        EVAL(List.of("Arch.name", "DataLoader.Eval"), "Global.pretrained_model", "DataLoader.Eval"),
        PREDICT(List.of(), "Global.pretrained_model", "Global.inference_model_dir"),
        /** Keys and values only, no file (the caller checks its files itself, or they are not read here). */
        KEYS(List.of());

        private final List<String> required;
        private final List<String> filePrefixes;

        Use(List<String> required, String... filePrefixes) {
            this.required = required;
            this.filePrefixes = List.of(filePrefixes);
        }

        boolean readsFileAt(String key) {
            return filePrefixes.stream().anyMatch(p -> key.equals(p) || key.startsWith(p + "."));
        }
    }

    private final Use use;
    private final List<String> ignored = new ArrayList<>();
    /** Checked after every key, so that a mistyped key is told before a missing file. */
    private final List<Runnable> fileChecks = new ArrayList<>();

    private ConfigValidator(Use use) {
        this.use = use;
    }

    /**
     * Checks the whole config for {@code use}; fails with a {@link JclasException} naming the first bad
     * key. Returns the PaddleClas keys present that jclas does not act on (empty when none).
     */
    public static List<String> validate(Config config, Use use) {
        ConfigValidator v = new ConfigValidator(use);
        v.walk(config.asMap(), ConfigSchema.ROOT, "");
        for (String key : use.required) {
            if (!config.has(key)) {
                throw new JclasException("config has no " + key, "start from a recipe in configs/ (e.g. "
                        + "configs/FashionMNIST/ShuffleNetV2_x1_0.yaml), which has every section a run needs");
            }
        }
        checkModelGeometry(config);
        checkPreprocessing(config, use);
        v.fileChecks.forEach(Runnable::run);
        return List.copyOf(v.ignored);
    }

    /** The one warning line for the keys {@link #validate} returned, or null when there are none. */
    public static String warning(List<String> ignoredKeys) {
        return ignoredKeys.isEmpty() ? null
                : "ignoring PaddleClas settings that jclas does not use: " + String.join(", ", ignoredKeys);
    }

    /**
     * The model's preprocessing must build ({@link Preprocessing#fromConfig}); where the command runs
     * the Eval loader, DataLoader.Eval's ops must also be Infer's, so that evaluation sees the pixels
     * that deployment will.
     */
    private static void checkPreprocessing(Config c, Use use) {
        if (Preprocessing.declaredIn(c)) {
            Preprocessing.fromConfig(c);
        }
        if (use == Use.TRAIN || use == Use.EVAL) {
            Preprocessing.requireEvalAgrees(c);
        }
    }

    private static void checkModelGeometry(Config c) {
        String arch = c.getString("Arch.name", null);
        int[] shape = c.getIntArray("Global.image_shape");
        if (arch != null && shape != null) {
            Models.checkInputSize(Models.info(arch), shape[1], c.getBool("Arch.small_input", false));
        }
    }

    private void walk(Map<String, Object> values, Section schema, String at) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
            Rule rule = schema.keys().get(e.getKey());
            if (rule == null) {
                String what = at.isEmpty() ? "config section" : "config key";
                throw new JclasException("unknown " + what + " " + key,
                        Suggest.hint(e.getKey(), schema.keys().keySet(), at.isEmpty() ? "" : at + "."));
            }
            check(key, e.getValue(), rule);
        }
    }

    @SuppressWarnings("unchecked")
    private void check(String key, Object value, Rule rule) {
        if (rule == Kind.IGNORED) {
            ignored.add(key);
            return;
        }
        if (value == null) {
            return;
        }
        if (rule instanceof Section s) {
            if (!(value instanceof Map)) {
                throw wrong(key, value, "a mapping of keys");
            }
            walk((Map<String, Object>) value, s, key);
        } else if (rule instanceof NamedList named) {
            checkNamedList(key, value, named);
        } else if (rule instanceof Fixed f) {
            if (!sameValue(f.value(), value)) {
                ignored.add(key + " (jclas uses " + f.value() + ")");
            }
        } else if (rule instanceof OneOf o) {
            if (!o.values().contains(String.valueOf(value))) {
                throw new JclasException("config key " + key + " is '" + value + "', expected one of "
                        + String.join(", ", o.values()), Suggest.hint(String.valueOf(value), o.values()));
            }
        } else if (rule instanceof Bounded b) {
            checkValue(key, value, b.kind());
            double d = number(value);
            if (d < b.min() || d > b.max()) {
                throw wrong(key, value, b.expected());
            }
        } else {
            checkValue(key, value, (Kind) rule);
        }
    }

    private void checkNamedList(String key, Object value, NamedList named) {
        String example = "'- " + named.entries().keySet().iterator().next() + ":'";
        if (!(value instanceof List<?> list)) {
            throw wrong(key, value, "a list of entries such as " + example);
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> m) || m.size() != 1) {
                throw wrong(key + "." + i, item, "one entry such as " + example);
            }
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            String name = String.valueOf(only.getKey());
            Section settings = named.entries().get(name);
            if (settings == null) {
                throw new JclasException("unknown entry " + name + " in " + key,
                        Suggest.hint(name, named.entries().keySet()));
            }
            check(key + "." + i + "." + name, only.getValue(), settings);
        }
    }

    private void checkValue(String key, Object v, Kind kind) {
        switch (kind) {
            case INT -> require(key, v, kind, isInt(v));
            case NUMBER -> require(key, v, kind, isNumber(v));
            case BOOL -> require(key, v, kind, v instanceof Boolean);
            case STRING -> require(key, v, kind, !(v instanceof Map) && !(v instanceof List));
            case INT_LIST -> require(key, v, kind, v instanceof List<?> l && l.stream().allMatch(ConfigValidator::isInt));
            case NUMBER_LIST -> require(key, v, kind, isNumberList(v));
            case CLASS_WEIGHTS -> require(key, v, kind, "auto".equals(v) || isNumberList(v));
            case FILE, DIR, PATH -> {
                require(key, v, kind, v instanceof String);
                if (use.readsFileAt(key)) {
                    fileChecks.add(() -> checkPath(key, (String) v, kind));
                }
            }
            case OPS, BATCH_OPS -> checkOps(key, v, kind);
            case MODEL -> {
                require(key, v, kind, v instanceof String);
                if (!Models.contains((String) v)) {
                    throw new JclasException("config key " + key + " is '" + v + "', not a model of the zoo",
                            "did you mean " + String.join(", ", Models.closest((String) v, 3)) + "? (`jclas models` lists all)");
                }
            }
            case DEVICE -> {
                try {
                    DeviceSpec.parse(String.valueOf(v));
                } catch (JclasException e) {
                    throw new JclasException("config key " + key + ": " + e.getMessage(), e.getHint(), e);
                }
                DeviceSpec.single(String.valueOf(v), "config key " + key);
            }
            case IMAGE_SHAPE -> require(key, v, kind, v instanceof List<?> l && l.size() == 3
                    && l.stream().allMatch(x -> isInt(x) && ((Number) x).longValue() >= 1)
                    && (((Number) l.get(0)).intValue() == 1 || ((Number) l.get(0)).intValue() == 3));
            default -> throw new IllegalStateException(kind + " is handled by check");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkOps(String key, Object v, Kind kind) {
        require(key, v, kind, v instanceof List);
        try {
            if (kind == Kind.OPS) {
                Transforms.fromConfig((List<Object>) v);
            } else {
                Transforms.batchOpsFromConfig((List<Object>) v);
            }
        } catch (JclasException e) {
            throw new JclasException(key + ": " + e.getMessage(), e.getHint(), e);
        }
    }

    /** Numbers compare by value (1 and 1.0 are the same setting), lists element by element. */
    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Number && isNumber(actual)) {
            return number(expected) == number(actual);
        }
        return expected.equals(actual);
    }

    private static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long;
    }

    private static boolean isNumberList(Object v) {
        return v instanceof List<?> l && l.stream().allMatch(ConfigValidator::isNumber);
    }

    private static boolean isNumber(Object v) {
        try {
            number(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number as Config reads it: YAML 1.1 reads 1e-4 and 1.0/255.0 as strings, and jclas accepts them. */
    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (!(v instanceof String s)) {
            throw new NumberFormatException(String.valueOf(v));
        }
        int slash = s.indexOf('/');
        return slash < 0 ? Double.parseDouble(s.trim())
                : Double.parseDouble(s.substring(0, slash).trim()) / Double.parseDouble(s.substring(slash + 1).trim());
    }

    private static void require(String key, Object v, Kind kind, boolean ok) {
        if (!ok) {
            throw wrong(key, v, kind.expected);
        }
    }

    private static JclasException wrong(String key, Object v, String expected) {
        String shown = v instanceof Map ? "a mapping" : v instanceof List ? "the list " + v : "'" + v + "'";
        return new JclasException("config key " + key + " is " + shown + ", expected " + expected,
                "fix it in the YAML or with -o " + key + "=...");
    }

    private static void checkPath(String key, String value, Kind kind) {
        if (value.isBlank() || value.equalsIgnoreCase("null")) {
            return;
        }
        Path p = Paths.get(value);
        boolean ok = switch (kind) {
            case FILE -> Files.isRegularFile(p);
            case DIR -> Files.isDirectory(p);
            default -> Files.exists(p) || Files.exists(Paths.get(value + ".npz"));
        };
        if (!ok) {
            throw new JclasException("config key " + key + " names a missing " + (kind == Kind.DIR ? "folder" : kind == Kind.FILE
                    ? "file" : "path") + ": " + value, "set " + key + " to " + kind.expected);
        }
    }
}
