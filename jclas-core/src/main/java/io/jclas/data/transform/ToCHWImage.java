package io.jclas.data.transform;

import io.jclas.data.Image;
import java.util.SplittableRandom;

/** PaddleClas {@code ToCHWImage}: HWC to CHW. The loader turns HWC images into NCHW batches anyway. */
public final class ToCHWImage implements ImageOp {
    public ToCHWImage(OpParams p) {
        // takes no settings
    }

    public ToCHWImage() {}

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        return transpose(img);
    }

    static Image transpose(Image img) {
        return img.chw() ? img : new Image(img.toChw(), img.h(), img.w(), img.c(), true);
    }
}
