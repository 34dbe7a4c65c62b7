package io.jclas.model;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.Preprocessing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code inference.yml} next to an exported model, shaped like PaddleClas's deploy config:
 * {@code Global} (model_name, class_num, input_shape [C, H, W], channel_order RGB|GRAY),
 * {@code PreProcess.transform_ops} and {@code PostProcess} (Topk with labels.txt).
 *
 * @param inputShape {C, H, W}
 * @param channelOrder "RGB" or "GRAY"
 */
public record InferenceYaml(String modelName, int classNum, int[] inputShape, String channelOrder,
        Preprocessing preprocess) {
    public static final String FILE_NAME = "inference.yml";
    /** The inference directory format this jclas writes ({@code Global.format_version}; absent in the first one). */
    public static final int FORMAT = 1;

    /** Writes {@code dir/inference.yml} atomically and returns its path. */
    public static Path write(Path dir, String modelName, Preprocessing preprocess, int classNum) {
        Config c = Config.empty();
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("format_version", FORMAT);
        global.put("model_name", modelName);
        global.put("class_num", classNum);
        global.put("input_shape", Arrays.stream(preprocess.inputShape()).boxed().toList());
        global.put("channel_order", preprocess.channelOrder());
        c.set("Global", global);
        c.set(Preprocessing.INFERENCE_YAML, preprocess.transformOps());
        c.set("PostProcess.main_indicator", "Topk");
        c.set("PostProcess.Topk.topk", Math.min(5, classNum));
        c.set("PostProcess.Topk.class_id_map_file", "labels.txt");
        Path file = dir.resolve(FILE_NAME);
        c.save(file);
        return file;
    }

    /** Reads an {@code inference.yml}; a damaged one or one of a newer format fails naming it. */
    public static InferenceYaml read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new JclasException("inference config not found: " + file, "export the model first (jclas export)");
        }
        try {
            Config c = Config.load(file, List.of());
            int format = c.getInt("Global.format_version", 1);
            if (format > FORMAT) {
                throw new JclasException(file + " is inference format " + format + ", newer than the " + FORMAT
                        + " this jclas reads", "open it with the jclas version that exported it, or update jclas");
            }
            if (!c.has(Preprocessing.INFERENCE_YAML)) {
                throw new JclasException(file + " has no " + Preprocessing.INFERENCE_YAML, "re-export the model with jclas export");
            }
            int[] shape = c.getIntArray("Global.input_shape");
            if (shape == null || shape.length != 3) {
                throw new JclasException(file + ": Global.input_shape is missing or not [C, H, W]", "re-export the model");
            }
            Preprocessing preprocess = Preprocessing.fromTransformOps(c.getList(Preprocessing.INFERENCE_YAML), shape,
                    Preprocessing.INFERENCE_YAML);
            if (!Arrays.equals(shape, preprocess.inputShape())) {
                throw new JclasException(file + ": Global.input_shape " + Arrays.toString(shape) + " but the ops give "
                        + Arrays.toString(preprocess.inputShape()), "make Global.input_shape the shape the ops produce");
            }
            return new InferenceYaml(c.getString("Global.model_name"), c.getInt("Global.class_num"), shape,
                    c.getString("Global.channel_order", preprocess.channelOrder()), preprocess);
        } catch (JclasException e) {
            throw e.about(file, "the file is damaged; re-export the model with jclas export");
        }
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferenceYaml y && modelName.equals(y.modelName) && classNum == y.classNum
                && Arrays.equals(inputShape, y.inputShape) && channelOrder.equals(y.channelOrder)
                && preprocess.equals(y.preprocess);
    }

    @Override
    public int hashCode() {
        return modelName.hashCode() * 31 + classNum;
    }
}
