package io.jclas.cli;

import io.jclas.analysis.ModelProfile;
import io.jclas.analysis.ModelStats;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds zoo models and counts them. Weight-variant aliases share their architecture's counts, so
 * each architecture and input size is built once per run (nothing is cached on disk).
 */
final class ModelCounter {
    private final Map<String, long[]> counted = new HashMap<>();

    ModelRow count(ModelInfo info) {
        int size = info.inputSize();
        long[] c = counted.computeIfAbsent(info.architecture() + "@" + size, k -> {
            Network net = build(info);
            ModelProfile profile = ModelStats.profile(net, 3, size, size);
            return new long[] {ModelStats.params(net), profile.macs(), profile.memoryAccess()};
        });
        return new ModelRow(info, c[0], c[1], c[2]);
    }

    /** The architecture of {@code info} at its default input size, uninitialised. */
    static Network build(ModelInfo info) {
        return Models.create(info.architecture(), ModelOptions.defaults().withInputSize(info.inputSize()));
    }
}
