package io.jclas.infer;

import io.jclas.model.PreprocessSpec;
import java.util.List;

/** What a loaded classifier is. */
public record ModelDescription(
        String name, String engine, List<String> labels, PreprocessSpec preprocess, int threads) {}
