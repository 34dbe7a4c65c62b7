package io.jclas.data.transform;

import io.jclas.data.Image;

/** Float HWC images to 8-bit ints and back, around the PIL-based augmentations. */
final class PilImages {
    private PilImages() {}

    static int[] toU8(Image img) {
        img.requireHwc("AutoAugment/RandAugment (place them before NormalizeImage)");
        float[] f = img.pixels();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Math.max(0, Math.min(255, Math.round(f[i])));
        }
        return out;
    }

    static Image toImage(int[] px, Image like) {
        float[] f = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            f[i] = px[i];
        }
        return new Image(f, like.h(), like.w(), like.c());
    }
}
