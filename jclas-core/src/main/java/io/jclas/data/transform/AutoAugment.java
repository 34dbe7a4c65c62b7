package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code AutoAugment}: the ImageNet policy of AutoAugment (Cubuk et al., CVPR 2019,
 * arXiv:1805.09501) as PaddleClas's ImageNetPolicy defines it: one of 25 sub-policies, each two ops
 * applied with their own probabilities and magnitude indices 0..9. Works on 0..255 pixels, so it goes
 * before NormalizeImage.
 */
public final class AutoAugment implements ImageOp {
    /** {p1, op1, magnitude index 1, p2, op2, magnitude index 2} per sub-policy. */
    private static final Object[][] IMAGENET_POLICY = {
        {0.4, "posterize", 8, 0.6, "rotate", 9}, {0.6, "solarize", 5, 0.6, "autocontrast", 5},
        {0.8, "equalize", 8, 0.6, "equalize", 3}, {0.6, "posterize", 7, 0.6, "posterize", 6},
        {0.4, "equalize", 7, 0.2, "solarize", 4}, {0.4, "equalize", 4, 0.8, "rotate", 8},
        {0.6, "solarize", 3, 0.6, "equalize", 7}, {0.8, "posterize", 5, 1.0, "equalize", 2},
        {0.2, "rotate", 3, 0.6, "solarize", 8}, {0.6, "equalize", 8, 0.4, "posterize", 6},
        {0.8, "rotate", 8, 0.4, "color", 0}, {0.4, "rotate", 9, 0.6, "equalize", 2},
        {0.0, "equalize", 7, 0.8, "equalize", 8}, {0.6, "invert", 4, 1.0, "equalize", 8},
        {0.6, "color", 4, 1.0, "contrast", 8}, {0.8, "rotate", 8, 1.0, "color", 2},
        {0.8, "color", 8, 0.8, "solarize", 7}, {0.4, "sharpness", 7, 0.6, "invert", 8},
        {0.6, "shearX", 5, 1.0, "equalize", 9}, {0.4, "color", 0, 0.6, "equalize", 3},
        {0.4, "equalize", 7, 0.2, "solarize", 4}, {0.6, "solarize", 5, 0.6, "autocontrast", 5},
        {0.6, "invert", 4, 1.0, "equalize", 8}, {0.6, "color", 4, 1.0, "contrast", 8},
        {0.8, "equalize", 8, 0.6, "equalize", 3},
    };

    public AutoAugment(OpParams p) {
        // PaddleClas's AutoAugment op takes no settings
    }

    public AutoAugment() {}

    /** The number of sub-policies. */
    static int size() {
        return IMAGENET_POLICY.length;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        return applyPolicy(img, rng.nextInt(IMAGENET_POLICY.length), rng);
    }

    /** Applies sub-policy {@code index}. */
    Image applyPolicy(Image img, int index, SplittableRandom rng) {
        Object[] sp = IMAGENET_POLICY[index];
        int[] px = PilImages.toU8(img);
        for (int k = 0; k < 2; k++) {
            double p = (Double) sp[3 * k];
            PilOp op = PilOp.byName((String) sp[3 * k + 1]);
            int m = (Integer) sp[3 * k + 2];
            if (rng.nextDouble() < p) {
                px = op.apply(px, img.h(), img.w(), img.c(), magnitude(op, m), rng);
            }
        }
        return PilImages.toImage(px, img);
    }

    /** The magnitude of index {@code i} of 0..9: np.linspace over each op's range. */
    static double magnitude(PilOp op, int i) {
        switch (op) {
            case SHEAR_X: case SHEAR_Y: return linspace(0, 0.3, i);
            case TRANSLATE_X: case TRANSLATE_Y: return linspace(0, 150.0 / 331, i);
            case ROTATE: return linspace(0, 30, i);
            case COLOR: case CONTRAST: case SHARPNESS: case BRIGHTNESS: return linspace(0, 0.9, i);
            case POSTERIZE: return Math.rint(linspace(8, 4, i));
            case SOLARIZE: return linspace(256, 0, i);
            default: return 0;
        }
    }

    private static double linspace(double from, double to, int i) {
        return from + (to - from) * i / 9.0;
    }
}
