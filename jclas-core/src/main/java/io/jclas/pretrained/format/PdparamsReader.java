package io.jclas.pretrained.format;

import io.jclas.pretrained.StoredTensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PaddlePaddle's {@code paddle.save(state_dict)} ({@code python/paddle/framework/io.py}): one pickle of
 * a dict from structured name to {@code numpy.ndarray}, plus {@code StructuredToParameterName@@}
 * (structured name to the static-graph parameter name: not an array). With protocol 2 and 3, arrays
 * over {@code (2^30 - 1) / itemsize} elements are saved flattened in slices {@code key@@.0},
 * {@code key@@.1}, ... and {@code UnpackBigParamInfor@@} maps each key to its {@code OriginShape}
 * and {@code slices}; Paddle's {@code _pack_loaded_dict} concatenates them back, and so does this.
 */
final class PdparamsReader {
    static final String NAME_TABLE = "StructuredToParameterName@@";
    static final String BIG_PARAMS = "UnpackBigParamInfor@@";

    private PdparamsReader() {}

    /** The arrays of an unpickled {@code .pdparams} dict, big ones joined, in file order. */
    static Map<String, StoredTensor> tensors(Map<?, ?> dict) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        Map<?, ?> big = dict.get(BIG_PARAMS) instanceof Map<?, ?> m ? m : Map.of();
        Set<String> slices = new HashSet<>();
        for (Map.Entry<?, ?> e : big.entrySet()) {
            slices.addAll(sliceNames(e.getKey(), e.getValue()));
        }
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(NAME_TABLE) || key.equals(BIG_PARAMS)) {
                continue;
            }
            if (slices.contains(key)) {
                String whole = key.substring(0, key.lastIndexOf("@@."));
                out.computeIfAbsent(whole, k -> joined(dict, k, big.get(k)));
            } else if (e.getValue() instanceof NumpyArray a) {
                out.put(key, a.tensor());
            } else {
                throw new MalformedWeights("entry " + key + " is " + Pickles.describe(e.getValue()) + ", not an ndarray");
            }
        }
        return out;
    }

    private static List<String> sliceNames(Object key, Object info) {
        if (!(info instanceof Map<?, ?> m) || !(m.get("slices") instanceof List<?> names)) {
            throw new MalformedWeights(BIG_PARAMS + " of " + key + " has no slices");
        }
        return names.stream().map(String::valueOf).toList();
    }

    /** {@code np.concatenate(slices).reshape(OriginShape)}. */
    private static StoredTensor joined(Map<?, ?> dict, String key, Object info) {
        long[] shape = Pickles.longs(((Map<?, ?>) info).get("OriginShape"), key + " OriginShape");
        List<String> names = sliceNames(key, info);
        int total = 0;
        for (String name : names) {
            total += slice(dict, name).values().length;
        }
        float[] values = new float[total];
        int at = 0;
        for (String name : names) {
            float[] part = slice(dict, name).values();
            System.arraycopy(part, 0, values, at, part.length);
            at += part.length;
        }
        try {
            return new StoredTensor(shape, values);
        } catch (IllegalArgumentException e) {
            throw new MalformedWeights("the slices of " + key + " do not fill its OriginShape: " + e.getMessage());
        }
    }

    private static StoredTensor slice(Map<?, ?> dict, String name) {
        if (!(dict.get(name) instanceof NumpyArray a)) {
            throw new MalformedWeights("slice " + name + " is missing");
        }
        return a.tensor();
    }
}
