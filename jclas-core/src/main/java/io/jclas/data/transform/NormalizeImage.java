package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.data.Image;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code NormalizeImage}: {@code (pixel * scale - mean) / std} per channel. {@code scale} may
 * be written {@code 1.0/255.0}; mean and std have one value per channel (one value is used for every
 * channel); {@code order} '' / 'hwc' / 'chw' is accepted, the image's own layout is used.
 */
public final class NormalizeImage implements ImageOp {
    private final float scale;
    private final float[] mean;
    private final float[] std;

    public NormalizeImage(OpParams p) {
        // PaddleClas's defaults are ImageNet's statistics, those of the zoo's registry
        this((float) p.getDouble("scale", 1.0 / 255.0), floats(p, "mean", InputDefaults.IMAGENET.mean()),
                floats(p, "std", InputDefaults.IMAGENET.std()));
        String order = p.getString("order", "");
        if (!order.isEmpty() && !order.equals("hwc") && !order.equals("chw")) {
            throw p.bad("order", "'' or hwc or chw", order);
        }
        p.get("output_fp16");
        p.get("channel_num");
        for (float s : std) {
            if (s == 0) {
                throw p.bad("std", "non-zero values", p.get("std"));
            }
        }
    }

    public NormalizeImage(float scale, float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new JclasException("NormalizeImage mean has " + mean.length + " values and std " + std.length,
                    "give mean and std one value per channel");
        }
        this.scale = scale;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    private static float[] floats(OpParams p, String key, float[] def) {
        double[] v = p.getDoubles(key);
        if (v == null) {
            return def;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        int c = img.c();
        requireChannels(c);
        float[] src = img.pixels();
        float[] out = new float[src.length];
        int plane = img.h() * img.w();
        for (int ch = 0; ch < c; ch++) {
            float m = meanOf(ch);
            float s = stdOf(ch);
            // HWC: channel ch at ch, ch+c, ...; CHW: one contiguous plane
            int start = img.chw() ? ch * plane : ch;
            int step = img.chw() ? 1 : c;
            for (int n = 0, i = start; n < plane; n++, i += step) {
                out[i] = normalize(src[i], scale, m, s);
            }
        }
        return new Image(out, img.h(), img.w(), c, img.chw());
    }

    /** The one formula (the order of the float operations fixes the result, {@link FusedPreprocessing} shares it). */
    static float normalize(float v, float scale, float mean, float std) {
        return (v * scale - mean) / std;
    }

    /** Fails unless there is one mean value, or one per channel of a {@code c}-channel image. */
    void requireChannels(int c) {
        if (mean.length != 1 && mean.length != c) {
            throw new JclasException("NormalizeImage has " + mean.length + " mean values for a " + c
                    + "-channel image", c == 1 ? "use mean: [0.5] std: [0.5] (or DecodeImage channels: 3)"
                    : "give one mean and std per channel");
        }
    }

    float meanOf(int channel) {
        return mean[mean.length == 1 ? 0 : channel];
    }

    float stdOf(int channel) {
        return std[std.length == 1 ? 0 : channel];
    }

    public float scale() {
        return scale;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }
}
