package io.jclas.infer;

import io.jclas.data.transform.Preprocessing;
import java.util.List;

/** What a loaded classifier is; {@code preprocess} is the very object the classifier feeds its model with. */
public record ModelDescription(
        String name, String engine, List<String> labels, Preprocessing preprocess, int threads) {}
