package io.jclas.pretrained.format;

import java.util.List;

/** Reading Python values as the unpickler hands them over: tuples are Object[], ints Integer/Long/BigInteger. */
final class Pickles {
    private Pickles() {}

    /** A Python int. */
    static long asLong(Object v, String what) {
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.longValue();
        }
        throw new MalformedWeights(what + " is " + describe(v) + ", not an integer");
    }

    /** A tuple or list of ints (a shape, a stride). */
    static long[] longs(Object v, String what) {
        Object[] items = v instanceof Object[] t ? t : v instanceof List<?> l ? l.toArray() : null;
        if (items == null) {
            throw new MalformedWeights(what + " is " + describe(v) + ", not a tuple of integers");
        }
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = asLong(items[i], what);
            if (out[i] < 0) {
                throw new MalformedWeights(what + " has a negative entry " + out[i]);
            }
        }
        return out;
    }

    /** A short description of a Python value for error messages. */
    static String describe(Object v) {
        return v == null ? "None" : v instanceof Object[] ? "a tuple" : "a " + v.getClass().getSimpleName();
    }
}
