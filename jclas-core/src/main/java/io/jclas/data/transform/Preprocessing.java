package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Image;
import io.jclas.data.ImageDecoding;
import io.jclas.data.PixelRows;
import io.jclas.zoo.ModelInfo;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing of a model's input: its deterministic transform ops in order (DecodeImage first,
 * ToCHWImage last) and the tensor shape they produce. Built once per model, from its config or its
 * {@code inference.yml}, and shared by everything that feeds the model: the Eval loader, the export
 * (which writes {@link #transformOps()} into inference.yml), both classifiers and the server. The
 * ops are immutable, so one instance serves any number of threads.
 *
 * <p>The rule for where a config keeps it, in one place ({@link #fromConfig}): {@code Infer.transforms},
 * the list PaddleClas predicts and exports with, else {@code PreProcess.transform_ops} (an
 * inference.yml), else {@code DataLoader.Eval.dataset.transform_ops}. Before a run evaluates,
 * {@link #requireEvalAgrees} refuses an Eval list that differs from Infer's, so that evaluation and
 * deployment feed the model the same pixels.
 */
public final class Preprocessing {
    public static final String INFER = "Infer.transforms";
    public static final String INFERENCE_YAML = "PreProcess.transform_ops";
    public static final String EVAL = "DataLoader.Eval.dataset.transform_ops";
    private static final List<String> SOURCES = List.of(INFER, INFERENCE_YAML, EVAL);

    private final Transforms chain;
    private final int channels;
    private final int side;

    private Preprocessing(List<ImageOp> ops, int channels, int side) {
        this.chain = new Transforms(ops);
        this.channels = channels;
        this.side = side;
    }

    /** The preprocessing a config gives its model, by the rule above; a config without one fails. */
    public static Preprocessing fromConfig(Config config) {
        String key = sourceKey(config);
        if (key == null) {
            throw new JclasException("config has no preprocessing (" + INFER + " or " + EVAL + ")",
                    "add an Infer section with transforms: ResizeImage, CropImage, NormalizeImage, ToCHWImage");
        }
        return fromTransformOps(config.getList(key), config.getIntArray("Global.image_shape"), key);
    }

    /** True when the config names its preprocessing in one of the lists of the rule. */
    public static boolean declaredIn(Config config) {
        return sourceKey(config) != null;
    }

    private static String sourceKey(Config config) {
        return SOURCES.stream().filter(config::has).findFirst().orElse(null);
    }

    /**
     * Fails when the config has both {@code Infer.transforms} and {@code DataLoader.Eval}'s list and they
     * describe different preprocessing (a missing DecodeImage or ToCHWImage counts as the default one).
     */
    public static void requireEvalAgrees(Config config) {
        if (!config.has(INFER) || !config.has(EVAL)) {
            return;
        }
        int[] shape = config.getIntArray("Global.image_shape");
        List<Object> infer = fromTransformOps(config.getList(INFER), shape, INFER).transformOps();
        List<Object> eval = fromTransformOps(config.getList(EVAL), shape, EVAL).transformOps();
        if (!infer.equals(eval)) {
            throw new JclasException(EVAL + " " + eval + " differs from " + INFER + " " + infer
                    + ": the model would be evaluated on other pixels than it is deployed with",
                    "give both lists the same ops, or drop " + EVAL + " (the Eval loader then runs " + INFER + ")");
        }
    }

    /**
     * The preprocessing of a {@code transform_ops} list of deterministic ops (DecodeImage, ResizeImage,
     * CropImage, NormalizeImage, ToCHWImage).
     *
     * @param imageShape the model's [C, H, W] ({@code Global.image_shape}, inference.yml's input_shape) or
     *     null: the channels when there is no DecodeImage, the size when no op fixes one
     * @param where the key of the list, for messages
     */
    public static Preprocessing fromTransformOps(List<Object> transformOps, int[] imageShape, String where) {
        List<ImageOp> given;
        try {
            given = Transforms.fromConfig(transformOps).ops();
        } catch (JclasException e) {
            throw new JclasException(where + ": " + e.getMessage(), e.getHint(), e);
        }
        List<ImageOp> ops = new ArrayList<>(given);
        int channels = imageShape != null ? imageShape[0] : 3;
        if (!ops.isEmpty() && ops.get(0) instanceof DecodeImage d) {
            channels = d.channels();
        } else {
            ops.add(0, new DecodeImage(true, false, channels));
        }
        if (ops.get(ops.size() - 1) instanceof ToCHWImage) {
            ops.remove(ops.size() - 1);
        }
        int side = 0;
        for (int i = 1; i < ops.size(); i++) {
            side = sideAfter(ops.get(i), side, where);
        }
        ops.add(new ToCHWImage());
        checkDecode((DecodeImage) ops.get(0), where);
        checkChannels(ops, channels, imageShape, where);
        if (side == 0 && imageShape != null) {
            side = imageShape[1];
        }
        if (side == 0) {
            throw new JclasException(where + " sets no input size", "add ResizeImage (size) or CropImage");
        }
        return new Preprocessing(ops, channels, side);
    }

    /** The default eval preprocessing of a zoo model (RGB), from the registry: {@link ModelInfo#input()}. */
    public static Preprocessing defaults(ModelInfo info) {
        return centerCrop(3, info.resizeShort(), info.inputSize(), info.input().mean(), info.input().std());
    }

    /**
     * The usual eval preprocessing of a classifier: resize the short side, center crop, scale to [0, 1],
     * normalise by mean and std, CHW.
     */
    public static Preprocessing centerCrop(int channels, int resizeShort, int crop, float[] mean, float[] std) {
        if (channels != 1 && channels != 3) {
            throw new JclasException("preprocessing with " + channels + " channels", "use 1 (grayscale) or 3 (RGB)");
        }
        if (mean.length != std.length || (mean.length != 1 && mean.length != channels)) {
            throw new JclasException("preprocessing has " + mean.length + " mean and " + std.length + " std values for "
                    + channels + " channels", "give one mean and std value per channel");
        }
        if (resizeShort < crop) {
            throw new JclasException("resize of the short side to " + resizeShort + " is smaller than the crop " + crop,
                    "resize the short side to at least the crop size");
        }
        return new Preprocessing(List.of(new DecodeImage(true, false, channels), ResizeImage.shortSide(resizeShort),
                new CropImage(crop, crop), new NormalizeImage(1f / 255f, mean, std), new ToCHWImage()), channels, crop);
    }

    /** The fixed output side after {@code op}, given the one before (0 = depends on the image). */
    private static int sideAfter(ImageOp op, int side, String where) {
        if (op instanceof ResizeImage r) {
            if (r.resizeShort() > 0) {
                return 0;
            }
            return square(r.width(), r.height(), "ResizeImage", where);
        }
        if (op instanceof CropImage c) {
            return square(c.width(), c.height(), "CropImage", where);
        }
        if (op instanceof NormalizeImage) {
            return side;
        }
        String name = op.getClass().getSimpleName();
        if (op instanceof DecodeImage || op instanceof ToCHWImage) {
            throw new JclasException(where + ": " + name + " in the middle of the ops",
                    "put DecodeImage first and ToCHWImage last");
        }
        throw new JclasException(where + ": " + name + " cannot be part of inference preprocessing",
                "use only DecodeImage, ResizeImage, CropImage, NormalizeImage and ToCHWImage");
    }

    private static int square(int w, int h, String op, String where) {
        if (w != h) {
            throw new JclasException(where + ": " + op + " size " + w + "x" + h + " is not square",
                    "use a square size (the model takes square inputs) or resize_short");
        }
        return w;
    }

    private static void checkChannels(List<ImageOp> ops, int channels, int[] imageShape, String where) {
        for (ImageOp op : ops) {
            if (op instanceof NormalizeImage n && n.mean().length != 1 && n.mean().length != channels) {
                throw new JclasException(where + ": NormalizeImage has " + n.mean().length + " mean values for "
                        + channels + " channel(s)", "give one mean and std value per channel");
            }
        }
        if (imageShape != null && imageShape[0] != channels) {
            throw new JclasException(where + ": DecodeImage gives " + channels + " channel(s) but the model takes "
                    + imageShape[0], "make DecodeImage channels equal Global.image_shape[0]");
        }
    }

    private static void checkDecode(DecodeImage d, String where) {
        if (!d.toRgb()) {
            throw new JclasException(where + ": DecodeImage to_rgb: false (BGR) is not supported for inference",
                    "use to_rgb: true");
        }
        if (d.channelFirst()) {
            throw new JclasException(where + ": DecodeImage channel_first: true is not supported for inference",
                    "use channel_first: false (ToCHWImage makes the tensor CHW)");
        }
    }

    /** 3 (RGB) or 1 (grayscale). */
    public int channels() {
        return channels;
    }

    /** The side of the square tensor this produces. */
    public int inputSize() {
        return side;
    }

    /** The tensor shape of one image: [C, H, W]. */
    public int[] inputShape() {
        return new int[] {channels, side, side};
    }

    /** "RGB" or "GRAY" (inference.yml's Global.channel_order). */
    public String channelOrder() {
        return channels == 3 ? "RGB" : "GRAY";
    }

    /** The ops in the order they run. */
    public List<ImageOp> ops() {
        return chain.ops();
    }

    /** The ops as one chain (the Eval loader's). */
    public Transforms transforms() {
        return chain;
    }

    /** The ops as a PaddleClas {@code transform_ops} list, every setting written out (inference.yml's). */
    public List<Object> transformOps() {
        List<Object> list = new ArrayList<>();
        for (ImageOp op : ops()) {
            list.add(describe(op));
        }
        return list;
    }

    private static Map<String, Object> describe(ImageOp op) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (op instanceof DecodeImage d) {
            settings.put("to_rgb", true);
            settings.put("channel_first", false);
            settings.put("channels", d.channels());
        } else if (op instanceof ResizeImage r && r.resizeShort() > 0) {
            settings.put("resize_short", r.resizeShort());
        } else if (op instanceof ResizeImage r) {
            settings.put("size", r.width());
        } else if (op instanceof CropImage c) {
            settings.put("size", c.width());
        } else if (op instanceof NormalizeImage n) {
            settings.put("scale", exact(n.scale()));
            settings.put("mean", doubles(n.mean()));
            settings.put("std", doubles(n.std()));
            settings.put("order", "");
        } else {
            settings = null; // ToCHWImage has no settings
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(op.getClass().getSimpleName(), settings);
        return entry;
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

    /** The CHW float tensor of a decoded image: {@code channels × inputSize × inputSize} values. */
    public float[] toTensor(BufferedImage image) {
        FusedPreprocessing fused = chain.fused();
        if (fused == null) {
            return toTensor(ImageDecoding.toImage(image));
        }
        // straight from the decoded bytes: no float copy of the whole image
        return checked(fused.apply(PixelRows.of(image)), image.getWidth(), image.getHeight());
    }

    /** The CHW float tensor of float pixels as a dataset gives them. */
    public float[] toTensor(Image image) {
        return checked(chain.apply(image, null), image.w(), image.h());
    }

    private float[] checked(Image out, int w, int h) {
        if (out.h() != side || out.w() != side) {
            throw new JclasException("an image of " + w + "x" + h + " is " + out.w() + "x" + out.h()
                    + " after preprocessing, but the model takes " + side + "x" + side,
                    "resize the image to " + side + "x" + side + ", or add ResizeImage to the model's preprocessing");
        }
        return out.toChw();
    }

    /** The NCHW tensor of a batch of decoded images, image after image. */
    public float[] toBatch(List<BufferedImage> images) {
        int per = channels * side * side;
        float[] batch = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(toTensor(images.get(i)), 0, batch, i * per, per);
        }
        return batch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && side == p.side && transformOps().equals(p.transformOps());
    }

    @Override
    public int hashCode() {
        return transformOps().hashCode() * 31 + side;
    }

    @Override
    public String toString() {
        return "Preprocessing" + transformOps() + " -> " + channels + "x" + side + "x" + side;
    }
}
