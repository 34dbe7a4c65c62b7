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
        int[] corner = cornerIn(img.w(), img.h());
        return crop(img, corner[0], corner[1], width, height);
    }

    /** The {x, y} of the crop's top-left corner in an image of {@code w × h}; fails when the crop does not fit. */
    int[] cornerIn(int w, int h) {
        if (w < width || h < height) {
            throw new JclasException("CropImage of " + width + "x" + height + " on an image of " + w + "x" + h,
                    "resize first (ResizeImage resize_short at least the crop size)");
        }
        return new int[] {(w - width) / 2, (h - height) / 2};
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
