package io.jclas.pretrained.format;

import io.jclas.pretrained.StoredTensor;

/** Row-major copies of strided views: torch tensors over a storage, Fortran-ordered NumPy arrays. */
final class Strided {
    private Strided() {}

    /** The view {@code (offset, shape, stride)} of {@code data}, in C order. */
    static StoredTensor gather(float[] data, long offset, long[] shape, long[] stride) {
        long count = 1;
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            count *= shape[d];
            last += (shape[d] - 1) * stride[d];
        }
        if (count > 0 && (offset < 0 || last >= data.length)) {
            throw new MalformedWeights("a tensor reaches past its storage of " + data.length + " elements");
        }
        if (count > Integer.MAX_VALUE) {
            throw new MalformedWeights("a tensor of " + count + " elements is too large");
        }
        float[] out = new float[(int) count];
        if (isContiguous(shape, stride)) {
            System.arraycopy(data, (int) offset, out, 0, out.length);
        } else {
            copy(data, offset, shape, stride, 0, out, new int[] {0});
        }
        return new StoredTensor(shape.clone(), out);
    }

    /** C-order strides of a shape. */
    static long[] rowMajor(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            stride[d] = s;
            s *= shape[d];
        }
        return stride;
    }

    /** Fortran-order (column-major) strides of a shape. */
    static long[] columnMajor(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int d = 0; d < shape.length; d++) {
            stride[d] = s;
            s *= shape[d];
        }
        return stride;
    }

    private static boolean isContiguous(long[] shape, long[] stride) {
        long[] c = rowMajor(shape);
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1 && stride[d] != c[d]) {
                return false;
            }
        }
        return true;
    }

    private static void copy(float[] data, long base, long[] shape, long[] stride, int dim, float[] out, int[] next) {
        if (dim == shape.length) {
            out[next[0]++] = data[(int) base];
            return;
        }
        for (long i = 0; i < shape[dim]; i++) {
            copy(data, base + i * stride[dim], shape, stride, dim + 1, out, next);
        }
    }
}
