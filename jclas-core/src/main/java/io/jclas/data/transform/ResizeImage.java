package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code ResizeImage}: either {@code resize_short} (scale so the short side has this
 * length; each side becomes {@code int(round(side * scale))}, Python's round-half-even) or
 * {@code size} (an int or [w, h]). Bilinear as cv2 INTER_LINEAR.
 */
public final class ResizeImage implements ImageOp {
    private final int resizeShort;
    private final int width;
    private final int height;

    public ResizeImage(OpParams p) {
        int[] wh = Sizes.wh(p, "size");
        this.resizeShort = p.getInt("resize_short", 0);
        Sizes.bilinearOnly(p);
        p.get("return_numpy");
        if ((wh == null) == (resizeShort <= 0)) {
            throw new io.jclas.JclasException("ResizeImage needs exactly one of size and resize_short",
                    "set e.g. resize_short: 256");
        }
        this.width = wh == null ? 0 : wh[0];
        this.height = wh == null ? 0 : wh[1];
    }

    private ResizeImage(int resizeShort, int width, int height) {
        this.resizeShort = resizeShort;
        this.width = width;
        this.height = height;
    }

    public static ResizeImage shortSide(int resizeShort) {
        return new ResizeImage(resizeShort, 0, 0);
    }

    public static ResizeImage toSize(int w, int h) {
        return new ResizeImage(0, w, h);
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        int[] size = sizeFor(img.w(), img.h());
        return Bilinear.resize(img, size[0], size[1]);
    }

    /** The {w, h} an image of {@code w × h} is resized to. */
    int[] sizeFor(int w, int h) {
        if (resizeShort > 0) {
            double scale = (double) resizeShort / Math.min(w, h);
            return new int[] {Math.max(1, (int) Math.rint(w * scale)), Math.max(1, (int) Math.rint(h * scale))};
        }
        return new int[] {width, height};
    }

    /** The short-side target, or 0 when resizing to a fixed size. */
    public int resizeShort() {
        return resizeShort;
    }

    /** The fixed target width, or 0 with resize_short. */
    public int width() {
        return width;
    }

    /** The fixed target height, or 0 with resize_short. */
    public int height() {
        return height;
    }
}
