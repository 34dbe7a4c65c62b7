package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code RandAugment} (Cubuk et al., 2019, arXiv:1909.13719): {@code num_layers} (2) ops drawn
 * uniformly from the 14 AutoAugment ops, each at a fixed strength {@code magnitude}/10 ({@code magnitude}
 * 5) of its range. Works on 0..255 pixels, before NormalizeImage.
 */
public final class RandAugment implements ImageOp {
    private final int numLayers;
    private final double level;

    public RandAugment(OpParams p) {
        this(p.getInt("num_layers", 2), p.getDouble("magnitude", 5));
        if (numLayers < 0) {
            throw p.bad("num_layers", "0 or more", numLayers);
        }
        if (level < 0 || level > 1) {
            throw p.bad("magnitude", "a number from 0 to 10", level * 10);
        }
    }

    public RandAugment(int numLayers, double magnitude) {
        this.numLayers = numLayers;
        this.level = magnitude / 10;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        int[] px = PilImages.toU8(img);
        PilOp[] ops = PilOp.values();
        for (int i = 0; i < numLayers; i++) {
            PilOp op = ops[rng.nextInt(ops.length)];
            px = op.apply(px, img.h(), img.w(), img.c(), magnitude(op), rng);
        }
        return PilImages.toImage(px, img);
    }

    private double magnitude(PilOp op) {
        switch (op) {
            case SHEAR_X: case SHEAR_Y: return 0.3 * level;
            case TRANSLATE_X: case TRANSLATE_Y: return 150.0 / 331 * level;
            case ROTATE: return 30 * level;
            case COLOR: case CONTRAST: case SHARPNESS: case BRIGHTNESS: return 0.9 * level;
            case POSTERIZE: return (int) (4.0 * level);
            case SOLARIZE: return 256.0 * level;
            default: return 0;
        }
    }
}
