package io.jclas.zoo;

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
 */
public record ModelOptions(
        int classNum, int inputChannels, int inputSize, boolean smallInput, boolean headless) {

    public static ModelOptions defaults() {
        return new ModelOptions(1000, 3, 0, false, false);
    }

    public ModelOptions withClassNum(int n) {
        return new ModelOptions(n, inputChannels, inputSize, smallInput, headless);
    }

    public ModelOptions withInputChannels(int c) {
        return new ModelOptions(classNum, c, inputSize, smallInput, headless);
    }

    public ModelOptions withInputSize(int s) {
        return new ModelOptions(classNum, inputChannels, s, smallInput, headless);
    }

    public ModelOptions withSmallInput(boolean on) {
        return new ModelOptions(classNum, inputChannels, inputSize, on, headless);
    }

    public ModelOptions withoutHead() {
        return new ModelOptions(classNum, inputChannels, inputSize, smallInput, true);
    }

    /** Stride of a stem's first convolution under these options: 1 for small inputs. */
    public int stemStride(int normal) {
        return smallInput ? 1 : normal;
    }
}
