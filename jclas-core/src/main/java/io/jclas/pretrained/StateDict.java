package io.jclas.pretrained;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The arrays of one foreign weight file by the file's own keys ({@code layer1.0.conv1.weight},
 * {@code conv1_weights}, {@code bn_conv1._mean}), in file order. What {@link KeyMap}s translate
 * into jclas parameters.
 */
public final class StateDict {
    private final Path source;
    private final Map<String, StoredTensor> tensors;

    public StateDict(Path source, Map<String, StoredTensor> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The file it was read from, for error messages. */
    public Path source() {
        return source;
    }

    public Set<String> keys() {
        return tensors.keySet();
    }

    /** The tensor of a key, or null. */
    public StoredTensor get(String key) {
        return tensors.get(key);
    }

    public int size() {
        return tensors.size();
    }
}
