package io.jclas.pretrained;

import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where the starting weights of a run come from, made local: {@code Global.pretrained_model} as an
 * http(s) URL, or {@code Arch.pretrained: true} without it (the published PaddleClas file of {@code
 * Arch.name}, from {@link PublishedWeights}), is downloaded into the {@link WeightCache} and replaced
 * by the cached file's path. A local path, or neither key, leaves the config as it is.
 */
public final class PretrainedSource {
    public static final String MODEL_KEY = "Global.pretrained_model";
    /** {@code Arch.pretrained}: start from the published ImageNet weights of {@code Arch.name}. */
    public static final String PRETRAINED_KEY = "Arch.pretrained";

    private PretrainedSource() {}

    /** The config with its starting weights on local disk (the same config when nothing needs fetching). */
    public static Config resolve(Config config, WeightCache cache, DownloadListener listener) {
        URI url = urlOf(config);
        if (url == null) {
            return config;
        }
        Path file = cache.fetch(url, listener);
        return config.copy().set(MODEL_KEY, file.toString());
    }

    /** The URL a config asks to start from, or null. */
    static URI urlOf(Config config) {
        String given = config.getString(MODEL_KEY, null);
        boolean none = given == null || given.isBlank() || given.equalsIgnoreCase("null");
        if (!none) {
            return ConfigValidator.isUrl(given) ? URI.create(given) : null;
        }
        if (config.getBool(PRETRAINED_KEY, false)) {
            return PublishedWeights.of(config.getString("Arch.name")).paddleclas();
        }
        return null;
    }
}
