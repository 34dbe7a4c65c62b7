package io.jclas.zoo;

import io.jclas.zoo.ModelInfo.InputDefaults;
import java.util.function.Function;

/** What a family file registers its names into; see {@link Models}. */
public interface Registry {

    /**
     * Registers a PaddleClas name.
     *
     * @param minInputSize the smallest input side that runs at 3 channels without smallInput
     * @param maxInputSize the largest, or 0 when unbounded
     * @param input its default eval preprocessing
     */
    void add(String name, Family family, int inputSize, int minInputSize, int maxInputSize, InputDefaults input,
            Function<ModelOptions, Network> builder);

    /** Registers a PaddleClas name evaluated with PaddleClas's ImageNet preprocessing. */
    default void add(String name, Family family, int inputSize, int minInputSize, int maxInputSize,
            Function<ModelOptions, Network> builder) {
        add(name, family, inputSize, minInputSize, maxInputSize, InputDefaults.IMAGENET, builder);
    }

    /** Registers a weight-variant name (e.g. {@code ResNet50_vd_ssld}) of an architecture. */
    void alias(String name, String architecture, int inputSize);
}
