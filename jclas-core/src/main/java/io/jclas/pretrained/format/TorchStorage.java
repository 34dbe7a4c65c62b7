package io.jclas.pretrained.format;

import java.nio.ByteOrder;

/**
 * One storage of a torch file, named by the persistent id {@code ('storage', FloatStorage, key,
 * location, numel[, view])} that its tensors point at. Its bytes come later: from the zip entry
 * {@code data/<key>}, or in the legacy format from after the pickle.
 */
final class TorchStorage {
    final ElementType type;
    final String key;
    final long numel;
    private float[] values;

    TorchStorage(ElementType type, String key, long numel) {
        this.type = type;
        this.key = key;
        this.numel = numel;
    }

    /** Sets the contents from the raw little-endian bytes torch wrote. */
    void fill(byte[] raw) {
        if (raw.length != numel * type.size) {
            throw new MalformedWeights("storage " + key + " holds " + raw.length + " bytes, not " + numel * type.size);
        }
        values = type.decode(raw, ByteOrder.LITTLE_ENDIAN, (int) numel);
    }

    float[] values() {
        if (values == null) {
            throw new MalformedWeights("storage " + key + " has no data");
        }
        return values;
    }
}
