package io.jclas.data;

import io.jclas.config.Config;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datasets by their settings, so that a loader built for each epoch does not re-read 60000 images.
 * Soft references: the memory is given back under pressure.
 */
final class DatasetCache {
    private static final Map<String, SoftReference<Dataset>> CACHE = new ConcurrentHashMap<>();

    private DatasetCache() {}

    static Dataset get(Config datasetSection) {
        Config key = datasetSection.copy();
        key.remove("transform_ops");
        key.remove("batch_transform_ops");
        String k = key.toYaml();
        SoftReference<Dataset> ref = CACHE.get(k);
        Dataset d = ref == null ? null : ref.get();
        if (d == null) {
            d = Datasets.create(datasetSection);
            CACHE.put(k, new SoftReference<>(d));
        }
        return d;
    }
}
