package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/** PaddleClas {@code RandFlipImage}: with probability 0.5 flips as cv2.flip's {@code flip_code} (1 horizontal, 0 vertical, -1 both). */
public final class RandFlipImage implements ImageOp {
    private final int flipCode;

    public RandFlipImage(OpParams p) {
        this(p.getInt("flip_code", 1));
        if (flipCode < -1 || flipCode > 1) {
            throw p.bad("flip_code", "1 (horizontal), 0 (vertical) or -1 (both)", flipCode);
        }
    }

    public RandFlipImage(int flipCode) {
        this.flipCode = flipCode;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        return rng.nextBoolean() ? flip(img, flipCode) : img;
    }

    /** The image flipped as cv2.flip(img, code). */
    public static Image flip(Image img, int code) {
        img.requireHwc("RandFlipImage");
        int h = img.h();
        int w = img.w();
        int c = img.c();
        boolean horizontal = code != 0;
        boolean vertical = code <= 0;
        float[] src = img.pixels();
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            int sy = vertical ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                int sx = horizontal ? w - 1 - x : x;
                System.arraycopy(src, (sy * w + sx) * c, out, (y * w + x) * c, c);
            }
        }
        return new Image(out, h, w, c);
    }
}
