package io.jclas.pretrained;

import java.util.Arrays;

/**
 * One array of a foreign weight file (a PaddleClas {@code .pdparams} or a PyTorch state dict), as
 * the file stores it: its shape and its values as float32, row-major (C order).
 */
public record StoredTensor(long[] shape, float[] values) {

    public StoredTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " values, not " + values.length);
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(shape);
    }
}
