package io.jclas.infer;

/**
 * The preprocessing a model expects, shared by train-eval, predict, export and serving. Written
 * into {@code inference.yml} by export; turned into the same transform ops as the Eval loader.
 *
 * @param channels 3 (RGB) or 1 (grayscale)
 * @param resizeShort resize so the short side is this (PaddleClas ResizeImage resize_short); 0 = off
 * @param resize resize to this square size (ResizeImage size); 0 = off
 * @param crop center crop side (CropImage size); 0 = off
 * @param scale pixel scale before mean/std (1/255)
 * @param mean per-channel mean after scaling
 * @param std per-channel std after scaling
 */
public record PreprocessSpec(
        int channels, int resizeShort, int resize, int crop, float scale, float[] mean, float[] std) {

    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /** PaddleClas's ImageNet eval preprocessing for a model of the given input side. */
    public static PreprocessSpec imagenet(int inputSize) {
        return new PreprocessSpec(3, (int) Math.round(inputSize / 0.875), 0, inputSize, 1f / 255f,
                IMAGENET_MEAN, IMAGENET_STD);
    }

    /** The side of the tensor this spec produces. */
    public int inputSize() {
        return crop > 0 ? crop : resize;
    }
}
