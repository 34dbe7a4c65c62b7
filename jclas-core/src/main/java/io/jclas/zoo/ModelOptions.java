package io.jclas.zoo;

import io.jclas.layers.Dropout;

/**
 * How to build a zoo model.
 *
 * @param classNum classifier outputs (PaddleClas's {@code Arch.class_num}), default 1000
 * @param inputChannels image channels, default 3 (1 for Fashion-MNIST)
 * @param inputSize the square input side the model will see; 0 = the model's default. Used to
 *     refuse sizes the geometry cannot take, with a message giving the smallest one it accepts
 * @param smallInput keep early resolution for tiny images (28x28, 32x32): the stem's first stride
 *     becomes 1 and the stem max-pool is dropped, where the family has them. Parameters are unchanged
 * @param headless return the backbone with global average pooling: [N, featureChannels]
 * @param variant whose definition to build: PaddleClas's, or torchvision's where it differs ({@link Variant})
 */
public record ModelOptions(
        int classNum, int inputChannels, int inputSize, boolean smallInput, boolean headless, Variant variant) {

    public static ModelOptions defaults() {
        return new ModelOptions(1000, 3, 0, false, false, Variant.PADDLECLAS);
    }

    public ModelOptions withClassNum(int n) {
        return new ModelOptions(n, inputChannels, inputSize, smallInput, headless, variant);
    }

    public ModelOptions withInputChannels(int c) {
        return new ModelOptions(classNum, c, inputSize, smallInput, headless, variant);
    }

    public ModelOptions withInputSize(int s) {
        return new ModelOptions(classNum, inputChannels, s, smallInput, headless, variant);
    }

    public ModelOptions withSmallInput(boolean on) {
        return new ModelOptions(classNum, inputChannels, inputSize, on, headless, variant);
    }

    public ModelOptions withoutHead() {
        return new ModelOptions(classNum, inputChannels, inputSize, smallInput, true, variant);
    }

    public ModelOptions withVariant(Variant v) {
        return new ModelOptions(classNum, inputChannels, inputSize, smallInput, headless, v);
    }

    /** True when torchvision's definition is asked for. */
    public boolean torchvision() {
        return variant == Variant.TORCHVISION;
    }

    /**
     * The dropout before a biased layer (AlexNet, SqueezeNet): PaddleClas's scales by 1 - p at
     * inference ({@code downscale_in_infer}), torchvision's is the identity there.
     */
    public Dropout.Mode dropoutMode() {
        return torchvision() ? Dropout.Mode.UPSCALE_IN_TRAIN : Dropout.Mode.DOWNSCALE_IN_INFER;
    }

    /** Stride of a stem's first convolution under these options: 1 for small inputs. */
    public int stemStride(int normal) {
        return smallInput ? 1 : normal;
    }
}
