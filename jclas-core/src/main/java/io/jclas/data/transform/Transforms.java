package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.data.Image;
import io.jclas.data.PixelRows;
import io.jclas.util.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A chain of {@link ImageOp}s built from a PaddleClas {@code transform_ops} list, whose entries are
 * one-key mappings {@code - OpName: {setting: value}} (or a bare {@code - OpName}).
 */
public final class Transforms {
    private static final Map<String, Function<OpParams, ImageOp>> IMAGE_OPS = new LinkedHashMap<>();
    private static final Map<String, Function<OpParams, BatchOp>> BATCH_OPS = new LinkedHashMap<>();

    static {
        IMAGE_OPS.put("DecodeImage", DecodeImage::new);
        IMAGE_OPS.put("ResizeImage", ResizeImage::new);
        IMAGE_OPS.put("CropImage", CropImage::new);
        IMAGE_OPS.put("RandCropImage", RandCropImage::new);
        IMAGE_OPS.put("RandFlipImage", RandFlipImage::new);
        IMAGE_OPS.put("NormalizeImage", NormalizeImage::new);
        IMAGE_OPS.put("ToCHWImage", ToCHWImage::new);
        IMAGE_OPS.put("AutoAugment", AutoAugment::new);
        IMAGE_OPS.put("RandAugment", RandAugment::new);
        IMAGE_OPS.put("RandomErasing", RandomErasing::new);
        BATCH_OPS.put("MixupOperator", MixupOperator::new);
        BATCH_OPS.put("CutmixOperator", CutmixOperator::new);
    }

    private final List<ImageOp> ops;
    private final FusedPreprocessing fused;

    public Transforms(List<ImageOp> ops) {
        this.ops = List.copyOf(ops);
        this.fused = FusedPreprocessing.of(this.ops);
    }

    /** The names of the per-sample ops jclas knows. */
    public static Set<String> imageOpNames() {
        return IMAGE_OPS.keySet();
    }

    /** Builds the chain of a {@code transform_ops} list (null or empty: no ops). */
    public static Transforms fromConfig(List<Object> transformOps) {
        return new Transforms(build(transformOps, IMAGE_OPS, "transform_ops"));
    }

    /** Builds the batch ops of a {@code batch_transform_ops} list. */
    public static List<BatchOp> batchOpsFromConfig(List<Object> batchOps) {
        return build(batchOps, BATCH_OPS, "batch_transform_ops");
    }

    private static <T> List<T> build(List<Object> entries, Map<String, Function<OpParams, T>> registry,
            String listName) {
        List<T> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            String name;
            Map<String, Object> settings;
            if (e instanceof String s) {
                name = s;
                settings = null;
            } else if (e instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<?, ?> only = m.entrySet().iterator().next();
                name = String.valueOf(only.getKey());
                if (only.getValue() != null && !(only.getValue() instanceof Map)) {
                    throw new JclasException(listName + "[" + i + "] " + name + " has settings '" + only.getValue()
                            + "', expected a mapping", "write '- " + name + ":' followed by indented key: value lines");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) only.getValue();
                settings = s;
            } else {
                throw new JclasException(listName + "[" + i + "] is '" + e + "', expected one op such as '- ResizeImage:'",
                        "write one op per list entry");
            }
            Function<OpParams, T> factory = registry.get(name);
            if (factory == null) {
                throw new JclasException("unknown op '" + name + "' in " + listName, Suggest.hint(name, registry.keySet()));
            }
            OpParams params = new OpParams(name, settings);
            T op = factory.apply(params);
            params.finish();
            out.add(op);
        }
        return out;
    }

    /** The chain in one pass, or null when it is not the usual eval chain. */
    FusedPreprocessing fused() {
        return fused;
    }

    public List<ImageOp> ops() {
        return ops;
    }

    /** Runs every op in order (the usual eval chain in one pass, {@link FusedPreprocessing}: the same floats). */
    public Image apply(Image img, SplittableRandom rng) {
        if (fused != null && !img.chw()) {
            return fused.apply(PixelRows.of(img));
        }
        return applyEach(img, rng);
    }

    /** Runs every op in order, one after the other (what {@link #apply} is checked against). */
    Image applyEach(Image img, SplittableRandom rng) {
        Image cur = img;
        for (ImageOp op : ops) {
            cur = op.apply(cur, rng);
        }
        return cur;
    }
}
