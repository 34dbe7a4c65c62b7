package io.jclas.config;

import io.jclas.JclasException;
import io.jclas.util.Suggest;
import io.jclas.data.transform.Transforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a config against PaddleClas's shape (Global, Arch, Loss, Optimizer, DataLoader, Metric, Infer)
 * plus jclas's additions (Arch.small_input, Arch.freeze_backbone, EMA, Distillation, CELoss
 * class_weight). Unknown keys fail with the closest known key; values of the wrong type fail naming the
 * key and the expected form; transform op lists are built once to check op names and settings.
 */
public final class ConfigValidator {
    /** What a value must be. */
    enum Kind {
        INT("an integer"), NUMBER("a number"), BOOL("true or false"), STRING("a string"),
        INT_LIST("a list of integers such as [1,5]"), NUMBER_LIST("a list of numbers such as [0.5,0.5]"),
        CLASS_WEIGHTS("auto or a list of numbers, one per class"),
        ANY("a value"), FILE("the path of an existing file"), DIR("the path of an existing folder"),
        PATH("an existing path"), OPS("a list of transform ops"), BATCH_OPS("a list of batch ops");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** A list of one-key mappings {@code - Name: {settings}} whose names and settings are known. */
    private record NamedList(Map<String, Map<String, Object>> entries) {}

    private static final Map<String, Object> SCHEMA = schema();

    private ConfigValidator() {}

    private static Map<String, Object> keys(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> schema() {
        Map<String, Object> dataset = keys("name", Kind.STRING, "data_dir", Kind.DIR, "mode", Kind.STRING,
                "subset", Kind.INT, "image_root", Kind.DIR, "cls_label_path", Kind.FILE, "class_id_map_file", Kind.FILE,
                "delimiter", Kind.STRING, "relabel", Kind.BOOL, "transform_ops", Kind.OPS,
                "batch_transform_ops", Kind.BATCH_OPS);
        Map<String, Object> loader = keys(
                "dataset", dataset,
                "sampler", keys("name", Kind.STRING, "batch_size", Kind.INT, "shuffle", Kind.BOOL, "drop_last", Kind.BOOL),
                "loader", keys("num_workers", Kind.INT, "use_shared_memory", Kind.BOOL));
        Map<String, Map<String, Object>> losses = new LinkedHashMap<>();
        losses.put("CELoss", keys("weight", Kind.NUMBER, "epsilon", Kind.NUMBER, "class_weight", Kind.CLASS_WEIGHTS));
        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        metrics.put("TopkAcc", keys("topk", Kind.INT_LIST));
        return keys(
                "Global", keys("checkpoints", Kind.PATH, "pretrained_model", Kind.PATH, "output_dir", Kind.STRING,
                        "device", Kind.STRING, "save_interval", Kind.INT, "eval_during_train", Kind.BOOL,
                        "eval_interval", Kind.INT, "start_eval_epoch", Kind.INT, "epochs", Kind.INT,
                        "print_batch_step", Kind.INT, "use_visualdl", Kind.BOOL, "image_shape", Kind.INT_LIST,
                        "save_inference_dir", Kind.STRING, "eval_mode", Kind.STRING, "to_static", Kind.BOOL,
                        "seed", Kind.INT, "threads", Kind.INT),
                "Arch", keys("name", Kind.STRING, "class_num", Kind.INT, "pretrained", Kind.ANY, "use_ssld", Kind.BOOL,
                        "small_input", Kind.BOOL, "freeze_backbone", Kind.BOOL, "scale", Kind.NUMBER,
                        "lr_mult_list", Kind.NUMBER_LIST, "stem_act", Kind.STRING, "dropout_prob", Kind.NUMBER,
                        "class_expand", Kind.INT, "use_last_conv", Kind.BOOL),
                "Loss", keys("Train", new NamedList(losses), "Eval", new NamedList(losses)),
                "Optimizer", keys("name", Kind.STRING, "momentum", Kind.NUMBER, "use_nesterov", Kind.BOOL,
                        "weight_decay", Kind.NUMBER, "beta1", Kind.NUMBER, "beta2", Kind.NUMBER, "epsilon", Kind.NUMBER,
                        "rho", Kind.NUMBER, "no_weight_decay_name", Kind.STRING,
                        "one_dim_param_no_weight_decay", Kind.BOOL, "multi_precision", Kind.BOOL, "clip_norm", Kind.NUMBER,
                        "lr", keys("name", Kind.STRING, "learning_rate", Kind.NUMBER, "warmup_epoch", Kind.INT,
                                "warmup_start_lr", Kind.NUMBER, "eta_min", Kind.NUMBER, "decay_epochs", Kind.INT_LIST,
                                "values", Kind.NUMBER_LIST, "step_size", Kind.INT, "gamma", Kind.NUMBER,
                                "last_epoch", Kind.INT, "by_epoch", Kind.BOOL),
                        "regularizer", keys("name", Kind.STRING, "coeff", Kind.NUMBER)),
                "DataLoader", keys("Train", loader, "Eval", loader),
                "Metric", keys("Train", new NamedList(metrics), "Eval", new NamedList(metrics)),
                "Infer", keys("infer_imgs", Kind.PATH, "batch_size", Kind.INT, "transforms", Kind.OPS,
                        "PostProcess", keys("name", Kind.STRING, "topk", Kind.INT, "class_id_map_file", Kind.FILE)),
                "EMA", keys("decay", Kind.NUMBER),
                "Distillation", keys("teacher", Kind.STRING, "teacher_pretrained_model", Kind.PATH,
                        "temperature", Kind.NUMBER, "alpha", Kind.NUMBER));
    }

    /** Checks names and types of every key (files are not touched; see {@link #checkFiles}). */
    public static void validate(Config config) {
        walk(config.asMap(), SCHEMA, "", false);
    }

    /** Checks that every file and folder the config names exists. */
    public static void checkFiles(Config config) {
        walk(config.asMap(), SCHEMA, "", true);
    }

    private static void walk(Map<String, Object> values, Map<String, Object> schema, String at, boolean files) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
            Object rule = schema.get(e.getKey());
            if (rule == null) {
                String what = at.isEmpty() ? "config section" : "config key";
                throw new JclasException("unknown " + what + " " + key,
                        Suggest.hint(e.getKey(), schema.keySet(), at.isEmpty() ? "" : at + "."));
            }
            check(key, e.getValue(), rule, files);
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(String key, Object value, Object rule, boolean files) {
        if (value == null) {
            return;
        }
        if (rule instanceof Map<?, ?> sub) {
            if (!(value instanceof Map)) {
                throw wrong(key, value, "a mapping of keys");
            }
            walk((Map<String, Object>) value, (Map<String, Object>) sub, key, files);
        } else if (rule instanceof NamedList named) {
            checkNamedList(key, value, named, files);
        } else {
            checkValue(key, value, (Kind) rule, files);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkNamedList(String key, Object value, NamedList named, boolean files) {
        if (!(value instanceof List<?> list)) {
            throw wrong(key, value, "a list of entries such as '- " + named.entries().keySet().iterator().next() + ":'");
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> m) || m.size() != 1) {
                throw wrong(key + "." + i, item, "one entry such as '- " + named.entries().keySet().iterator().next() + ":'");
            }
            Map.Entry<String, Object> only = ((Map<String, Object>) m).entrySet().iterator().next();
            Map<String, Object> settings = named.entries().get(only.getKey());
            if (settings == null) {
                throw new JclasException("unknown entry " + only.getKey() + " in " + key,
                        Suggest.hint(only.getKey(), named.entries().keySet()));
            }
            check(key + "." + i + "." + only.getKey(), only.getValue(), settings, files);
        }
    }

    private static void checkValue(String key, Object v, Kind kind, boolean files) {
        switch (kind) {
            case INT -> require(key, v, kind, v instanceof Integer || v instanceof Long);
            case NUMBER -> require(key, v, kind, isNumber(v));
            case BOOL -> require(key, v, kind, v instanceof Boolean);
            case STRING -> require(key, v, kind, !(v instanceof Map) && !(v instanceof List));
            case INT_LIST -> require(key, v, kind, v instanceof List<?> l
                    && l.stream().allMatch(x -> x instanceof Integer || x instanceof Long));
            case NUMBER_LIST -> require(key, v, kind, isNumberList(v));
            case CLASS_WEIGHTS -> require(key, v, kind, "auto".equals(v) || isNumberList(v));
            case FILE, DIR, PATH -> {
                require(key, v, kind, v instanceof String);
                if (files) {
                    checkPath(key, (String) v, kind);
                }
            }
            case OPS, BATCH_OPS -> {
                require(key, v, kind, v instanceof List);
                @SuppressWarnings("unchecked")
                List<Object> ops = (List<Object>) v;
                try {
                    if (kind == Kind.OPS) {
                        Transforms.fromConfig(ops);
                    } else {
                        Transforms.batchOpsFromConfig(ops);
                    }
                } catch (JclasException e) {
                    throw new JclasException(key + ": " + e.getMessage(), e.getHint(), e);
                }
            }
            default -> { }
        }
    }

    private static boolean isNumberList(Object v) {
        return v instanceof List<?> l && l.stream().allMatch(ConfigValidator::isNumber);
    }

    private static boolean isNumber(Object v) {
        if (v instanceof Number) {
            return true;
        }
        // YAML 1.1 reads 1e-4 and 1.0/255.0 as strings; Config.getDouble and the ops accept them.
        if (v instanceof String s) {
            try {
                int slash = s.indexOf('/');
                if (slash < 0) {
                    Double.parseDouble(s.trim());
                } else {
                    Double.parseDouble(s.substring(0, slash).trim());
                    Double.parseDouble(s.substring(slash + 1).trim());
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
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
        if (value.isBlank()) {
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
