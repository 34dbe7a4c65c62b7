package io.jclas.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key a config may hold, and what its value must be: PaddleClas's sections (Global, Arch, Loss,
 * Optimizer, DataLoader, Metric, Infer) plus jclas's additions (Arch.small_input, Arch.freeze_backbone,
 * Global.save_steps, Global.threads, Global.data_parallel, Optimizer.lr.backbone_mult, EMA, Distillation, CELoss class_weight). Keys that PaddleClas
 * recipes carry but jclas does not act on are {@link Kind#IGNORED} (reported, never refused), and keys
 * whose PaddleClas value jclas always applies are {@link Fixed}.
 */
final class ConfigSchema {
    /** What a value must be. */
    sealed interface Rule permits Kind, Bounded, OneOf, Fixed, Section, NamedList {}

    /** A value's form, checked by type. */
    enum Kind implements Rule {
        INT("an integer"), NUMBER("a number"), BOOL("true or false"), STRING("a string"),
        INT_LIST("a list of integers such as [1,5]"), NUMBER_LIST("a list of numbers such as [0.5,0.5]"),
        CLASS_WEIGHTS("auto or a list of numbers, one per class"),
        FILE("the path of an existing file"), DIR("the path of an existing folder"), PATH("an existing path"),
        WEIGHTS("an existing checkpoint folder or weight file, or the http(s) URL of a weight file"),
        OPS("a list of transform ops"), BATCH_OPS("a list of batch ops"),
        MODEL("a model name of `jclas models`"), DEVICE("cpu, gpu or gpu:N"),
        IMAGE_SHAPE("[channels, height, width] with 1 or 3 channels, e.g. [3, 224, 224]"),
        /** A PaddleClas key (or whole section) jclas does not use: accepted whatever its value, and reported. */
        IGNORED("any value");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** An integer or number from {@code min} to {@code max} (inclusive); {@code max} may be infinite. */
    record Bounded(Kind kind, double min, double max) implements Rule {
        String expected() {
            String what = kind == Kind.INT ? "an integer" : "a number";
            if (Double.isInfinite(max)) {
                return what + " of at least " + show(min);
            }
            return what + " from " + show(min) + " to " + show(max);
        }

        private static String show(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    /** One of a few strings. */
    record OneOf(List<String> values) implements Rule {}

    /** A PaddleClas setting jclas always applies with {@code value}; another value is reported as ignored. */
    record Fixed(Object value) implements Rule {}

    /** A mapping of known keys. */
    record Section(Map<String, Rule> keys) implements Rule {}

    /** A list of one-key mappings {@code - Name: {settings}} whose names and settings are known. */
    record NamedList(Map<String, Section> entries) implements Rule {}

    static final Section ROOT = root();

    private ConfigSchema() {}

    private static Section keys(Object... pairs) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return new Section(m);
    }

    private static Bounded atLeast(Kind kind, double min) {
        return new Bounded(kind, min, Double.POSITIVE_INFINITY);
    }

    private static Bounded fraction() {
        return new Bounded(Kind.NUMBER, 0, 1);
    }

    private static Section root() {
        Section dataset = keys("name", Kind.STRING, "data_dir", Kind.DIR, "mode", new OneOf(List.of("train", "test")),
                "subset", atLeast(Kind.INT, 0), "image_root", Kind.DIR, "cls_label_path", Kind.FILE,
                "class_id_map_file", Kind.FILE, "delimiter", Kind.STRING, "relabel", Kind.IGNORED,
                "transform_ops", Kind.OPS, "batch_transform_ops", Kind.BATCH_OPS);
        Section loader = keys(
                "dataset", dataset,
                "sampler", keys("name", Kind.STRING, "batch_size", atLeast(Kind.INT, 1), "shuffle", Kind.BOOL,
                        "drop_last", Kind.BOOL),
                "loader", keys("num_workers", atLeast(Kind.INT, 0), "use_shared_memory", Kind.IGNORED));
        Map<String, Section> losses = new LinkedHashMap<>();
        losses.put("CELoss", keys("weight", new Fixed(1.0), "epsilon", new Bounded(Kind.NUMBER, 0, 0.999),
                "class_weight", Kind.CLASS_WEIGHTS));
        Map<String, Section> metrics = new LinkedHashMap<>();
        metrics.put("TopkAcc", keys("topk", new Fixed(List.of(1, 5))));
        return keys(
                "Global", keys("checkpoints", Kind.PATH, "pretrained_model", Kind.WEIGHTS,
                        "inference_model_dir", Kind.DIR, "output_dir", Kind.STRING, "device", Kind.DEVICE,
                        "save_interval", atLeast(Kind.INT, 1), "save_steps", atLeast(Kind.INT, 0),
                        "eval_during_train", Kind.BOOL, "eval_interval", atLeast(Kind.INT, 1),
                        "epochs", atLeast(Kind.INT, 1), "image_shape", Kind.IMAGE_SHAPE,
                        "save_inference_dir", Kind.STRING, "seed", Kind.INT, "threads", atLeast(Kind.INT, 0),
                        "data_parallel", Kind.BOOL,
                        "print_batch_step", Kind.IGNORED, "use_visualdl", Kind.IGNORED, "to_static", Kind.IGNORED,
                        "eval_mode", Kind.IGNORED, "start_eval_epoch", Kind.IGNORED, "use_dali", Kind.IGNORED,
                        "image_channel", Kind.IGNORED),
                "Arch", keys("name", Kind.MODEL, "class_num", atLeast(Kind.INT, 2), "small_input", Kind.BOOL,
                        "freeze_backbone", Kind.BOOL, "pretrained_strict", Kind.BOOL,
                        "variant", new OneOf(List.of("paddleclas", "torchvision")),
                        "pretrained", Kind.BOOL, "use_ssld", Kind.IGNORED,
                        "scale", Kind.IGNORED, "lr_mult_list", Kind.IGNORED, "stem_act", Kind.IGNORED,
                        "dropout_prob", Kind.IGNORED, "class_expand", Kind.IGNORED, "use_last_conv", Kind.IGNORED,
                        "data_format", Kind.IGNORED, "input_image_channel", Kind.IGNORED),
                "Loss", keys("Train", new NamedList(losses), "Eval", new NamedList(losses)),
                "Optimizer", keys("name", Kind.STRING, "momentum", new Bounded(Kind.NUMBER, 0, 0.999),
                        "use_nesterov", Kind.BOOL, "weight_decay", atLeast(Kind.NUMBER, 0),
                        "beta1", new Bounded(Kind.NUMBER, 0, 0.999999), "beta2", new Bounded(Kind.NUMBER, 0, 0.999999),
                        "epsilon", atLeast(Kind.NUMBER, 0), "one_dim_param_no_weight_decay", new Fixed(true),
                        "rho", Kind.IGNORED, "no_weight_decay_name", Kind.IGNORED, "multi_precision", Kind.IGNORED,
                        "clip_norm", Kind.IGNORED,
                        "lr", keys("name", Kind.STRING, "learning_rate", atLeast(Kind.NUMBER, 0),
                                "warmup_epoch", atLeast(Kind.INT, 0), "warmup_start_lr", atLeast(Kind.NUMBER, 0),
                                "eta_min", atLeast(Kind.NUMBER, 0), "decay_epochs", Kind.INT_LIST,
                                "values", Kind.NUMBER_LIST, "step_size", atLeast(Kind.INT, 1),
                                "gamma", atLeast(Kind.NUMBER, 0), "backbone_mult", atLeast(Kind.NUMBER, 0),
                                "last_epoch", Kind.IGNORED, "by_epoch", Kind.IGNORED),
                        "regularizer", keys("name", new OneOf(List.of("L2")), "coeff", atLeast(Kind.NUMBER, 0))),
                "DataLoader", keys("Train", loader, "Eval", loader),
                "Metric", keys("Train", new NamedList(metrics), "Eval", new NamedList(metrics)),
                "Infer", keys("infer_imgs", Kind.PATH, "batch_size", atLeast(Kind.INT, 1), "transforms", Kind.OPS,
                        "PostProcess", keys("name", new OneOf(List.of("Topk")), "topk", atLeast(Kind.INT, 1),
                                "class_id_map_file", Kind.IGNORED)),
                "EMA", keys("decay", fraction()),
                "Distillation", keys("teacher", Kind.MODEL, "teacher_pretrained_model", Kind.PATH,
                        "temperature", new Bounded(Kind.NUMBER, 0.01, Double.POSITIVE_INFINITY), "alpha", fraction()),
                "AMP", Kind.IGNORED);
    }
}
