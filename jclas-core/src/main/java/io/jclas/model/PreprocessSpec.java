package io.jclas.model;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Image;
import io.jclas.data.ImageDecoding;
import io.jclas.data.transform.CropImage;
import io.jclas.data.transform.DecodeImage;
import io.jclas.data.transform.ImageOp;
import io.jclas.data.transform.NormalizeImage;
import io.jclas.data.transform.ResizeImage;
import io.jclas.data.transform.ToCHWImage;
import io.jclas.data.transform.Transforms;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing a model expects, shared by train-eval, predict, export and serving. Written
 * into {@code inference.yml} by export; turned into the same transform ops as the Eval loader
 * (DecodeImage, ResizeImage, CropImage, NormalizeImage, ToCHWImage).
 *
 * @param channels 3 (RGB) or 1 (grayscale)
 * @param resizeShort resize so the short side is this (PaddleClas ResizeImage resize_short); 0 = off
 * @param resize resize to this square size (ResizeImage size); 0 = off
 * @param crop center crop side (CropImage size); 0 = off
 * @param scale pixel scale before mean/std (1/255)
 * @param mean per-channel mean after scaling
 * @param std per-channel std after scaling
 */
public record PreprocessSpec(
        int channels, int resizeShort, int resize, int crop, float scale, float[] mean, float[] std) {

    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public PreprocessSpec {
        if (channels != 1 && channels != 3) {
            throw new JclasException("preprocessing with " + channels + " channels", "use 1 (grayscale) or 3 (RGB)");
        }
        if (mean.length != std.length || (mean.length != 1 && mean.length != channels)) {
            throw new JclasException("preprocessing has " + mean.length + " mean and " + std.length + " std values for "
                    + channels + " channels", "give one mean and std value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Per-channel mean (a copy). */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** Per-channel std (a copy). */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** PaddleClas's ImageNet eval preprocessing for a model of the given input side. */
    public static PreprocessSpec imagenet(int inputSize) {
        return new PreprocessSpec(3, (int) Math.round(inputSize / 0.875), 0, inputSize, 1f / 255f,
                IMAGENET_MEAN, IMAGENET_STD);
    }

    /** The side of the tensor this spec produces. */
    public int inputSize() {
        return crop > 0 ? crop : resize;
    }

    /**
     * The spec of a config: from {@code Infer.transforms}, else {@code PreProcess.transform_ops} (an
     * inference.yml), else {@code DataLoader.Eval.dataset.transform_ops}. Without a DecodeImage op the
     * channel count is {@code Global.image_shape[0]} (default 3).
     */
    public static PreprocessSpec fromConfig(Config config) {
        for (String key : new String[] {"Infer.transforms", "PreProcess.transform_ops", "DataLoader.Eval.dataset.transform_ops"}) {
            if (config.has(key)) {
                int[] shape = config.getIntArray("Global.image_shape");
                return fromTransformOps(config.getList(key), shape != null && shape.length == 3 ? shape[0] : 3, key);
            }
        }
        throw new JclasException("config has no preprocessing (Infer.transforms or DataLoader.Eval.dataset.transform_ops)",
                "add an Infer section with transforms: ResizeImage, CropImage, NormalizeImage, ToCHWImage");
    }

    /** The spec of a {@code transform_ops} list made of the deterministic eval ops only. */
    public static PreprocessSpec fromTransformOps(List<Object> transformOps, int defaultChannels, String where) {
        int channels = defaultChannels;
        int resizeShort = 0;
        int resize = 0;
        int crop = 0;
        NormalizeImage norm = null;
        for (ImageOp op : Transforms.fromConfig(transformOps).ops()) {
            if (op instanceof DecodeImage d) {
                if (!d.toRgb()) {
                    throw new JclasException(where + ": DecodeImage to_rgb: false (BGR) is not supported for inference",
                            "use to_rgb: true");
                }
                channels = d.channels();
            } else if (op instanceof ResizeImage r) {
                if (r.resizeShort() == 0 && r.width() != r.height()) {
                    throw new JclasException(where + ": ResizeImage size " + r.width() + "x" + r.height() + " is not square",
                            "use a square size or resize_short");
                }
                resizeShort = r.resizeShort();
                resize = r.width();
            } else if (op instanceof CropImage c) {
                if (c.width() != c.height()) {
                    throw new JclasException(where + ": CropImage size " + c.width() + "x" + c.height() + " is not square",
                            "use a square crop");
                }
                crop = c.width();
            } else if (op instanceof NormalizeImage n) {
                norm = n;
            } else if (!(op instanceof ToCHWImage)) {
                throw new JclasException(where + ": " + op.getClass().getSimpleName() + " cannot be part of inference preprocessing",
                        "use only DecodeImage, ResizeImage, CropImage, NormalizeImage and ToCHWImage");
            }
        }
        if (resizeShort == 0 && resize == 0 && crop == 0) {
            throw new JclasException(where + " sets no input size", "add ResizeImage (resize_short or size) or CropImage");
        }
        if (norm == null) {
            return new PreprocessSpec(channels, resizeShort, resize, crop, 1f, new float[] {0f}, new float[] {1f});
        }
        return new PreprocessSpec(channels, resizeShort, resize, crop, norm.scale(), norm.mean(), norm.std());
    }

    /** The ops of this spec, in order: the classes the Eval loader runs. */
    public List<ImageOp> ops() {
        List<ImageOp> ops = new ArrayList<>();
        ops.add(new DecodeImage(true, false, channels));
        if (resizeShort > 0) {
            ops.add(ResizeImage.shortSide(resizeShort));
        } else if (resize > 0) {
            ops.add(ResizeImage.toSize(resize, resize));
        }
        if (crop > 0) {
            ops.add(new CropImage(crop, crop));
        }
        ops.add(new NormalizeImage(scale, mean, std));
        ops.add(new ToCHWImage());
        return ops;
    }

    /** This spec as a PaddleClas {@code transform_ops} list (for Infer.transforms and inference.yml). */
    public List<Object> toTransformOps() {
        List<Object> list = new ArrayList<>();
        list.add(op("DecodeImage", Map.of("to_rgb", true, "channel_first", false, "channels", channels)));
        if (resizeShort > 0) {
            list.add(op("ResizeImage", Map.of("resize_short", resizeShort)));
        } else if (resize > 0) {
            list.add(op("ResizeImage", Map.of("size", resize)));
        }
        if (crop > 0) {
            list.add(op("CropImage", Map.of("size", crop)));
        }
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("scale", exact(scale));
        norm.put("mean", doubles(mean));
        norm.put("std", doubles(std));
        norm.put("order", "");
        list.add(op("NormalizeImage", norm));
        list.add(op("ToCHWImage", null));
        return list;
    }

    private static Map<String, Object> op(String name, Map<String, Object> settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, settings == null ? null : new LinkedHashMap<>(settings));
        return m;
    }

    /** The shortest decimal that reads back as the same float. */
    private static double exact(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private static List<Object> doubles(float[] v) {
        List<Object> out = new ArrayList<>();
        for (float f : v) {
            out.add(exact(f));
        }
        return out;
    }

    /** Runs the ops on a decoded image: a CHW float tensor of {@code channels × inputSize × inputSize}. */
    public float[] toTensor(BufferedImage img) {
        return toTensor(ImageDecoding.toImage(img));
    }

    /** Runs the ops on float pixels as a dataset gives them. */
    public float[] toTensor(Image img) {
        return new Transforms(ops()).apply(img, null).toChw();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessSpec p && channels == p.channels && resizeShort == p.resizeShort
                && resize == p.resize && crop == p.crop && Float.compare(scale, p.scale) == 0
                && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return ((channels * 31 + resizeShort) * 31 + resize) * 31 + crop + 17 * Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "PreprocessSpec[channels=" + channels + ", resizeShort=" + resizeShort + ", resize=" + resize + ", crop="
                + crop + ", scale=" + scale + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
