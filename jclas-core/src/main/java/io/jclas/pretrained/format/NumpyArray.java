package io.jclas.pretrained.format;

import io.jclas.pretrained.StoredTensor;
import java.util.Arrays;

/**
 * A {@code numpy.ndarray} as a pickle rebuilds it: {@code _reconstruct(ndarray, (0,), b'b')}, then
 * BUILD with {@code (version, shape, dtype, is_fortran, rawdata)}; protocol 2 wraps the raw bytes
 * in {@code _codecs.encode(str, 'latin1')}, which {@link PickleGlobals} turns back into bytes.
 */
final class NumpyArray implements Buildable {
    private StoredTensor tensor;

    @Override
    public void build(Object state) {
        if (!(state instanceof Object[] t) || t.length < 4) {
            throw new MalformedWeights("an ndarray without its (shape, dtype, order, data) state");
        }
        int i = t.length == 5 ? 1 : 0; // version 1 states lead with the version number
        long[] shape = Pickles.longs(t[i], "ndarray shape");
        if (!(t[i + 1] instanceof NumpyDtype dtype)) {
            throw new MalformedWeights("an ndarray without a dtype");
        }
        if (dtype.type() == null) {
            throw new MalformedWeights("an ndarray of dtype '" + dtype.code() + "', not a number type");
        }
        if (!(t[i + 3] instanceof byte[] raw)) {
            throw new MalformedWeights("an ndarray of Python objects, not numbers");
        }
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count * dtype.type().size != raw.length) {
            throw new MalformedWeights("an ndarray of shape " + Arrays.toString(shape) + " holds "
                    + raw.length + " bytes, not " + count * dtype.type().size);
        }
        float[] values = dtype.type().decode(raw, dtype.order(), (int) count);
        boolean fortran = Boolean.TRUE.equals(t[i + 2]);
        tensor = fortran ? Strided.gather(values, 0, shape, Strided.columnMajor(shape)) : new StoredTensor(shape, values);
    }

    /** The array's values in C order. */
    StoredTensor tensor() {
        if (tensor == null) {
            throw new MalformedWeights("an ndarray that was never filled");
        }
        return tensor;
    }
}
