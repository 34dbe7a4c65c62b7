package io.jclas.infer;

import java.nio.file.Path;

/** A runtime that can open some model directories; found with {@link java.util.ServiceLoader}. */
public interface ClassifierProvider {
    /** True when this runtime understands {@code dir} and the engine the options ask for. */
    boolean accepts(Path dir, ClassifierOptions options);

    Classifier open(Path dir, ClassifierOptions options);
}
