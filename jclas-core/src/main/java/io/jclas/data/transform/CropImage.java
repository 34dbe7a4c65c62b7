package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.data.Image;
import java.util.SplittableRandom;

/** PaddleClas {@code CropImage}: center crop of {@code size} (int or [w, h]); offsets (W-w)//2, (H-h)//2. */
public final class CropImage implements ImageOp {
    private final int width;
    private final int height;

    public CropImage(OpParams p) {
        int[] wh = Sizes.wh(p, "size");
        if (wh == null) {
            throw new JclasException("CropImage needs size", "set e.g. size: 224");
        }
        this.width = wh[0];
        this.height = wh[1];
    }

    public CropImage(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        if (img.w() < width || img.h() < height) {
            throw new JclasException("CropImage of " + width + "x" + height + " on an image of " + img.w() + "x"
                    + img.h(), "resize first (ResizeImage resize_short at least the crop size)");
        }
        return crop(img, (img.w() - width) / 2, (img.h() - height) / 2, width, height);
    }

    /** The w×h window of an HWC image whose top-left corner is (x, y). */
    static Image crop(Image img, int x, int y, int w, int h) {
        img.requireHwc("CropImage");
        if (x == 0 && y == 0 && w == img.w() && h == img.h()) {
            return img;
        }
        int c = img.c();
        float[] out = new float[w * h * c];
        for (int r = 0; r < h; r++) {
            System.arraycopy(img.pixels(), ((y + r) * img.w() + x) * c, out, r * w * c, w * c);
        }
        return new Image(out, h, w, c);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
