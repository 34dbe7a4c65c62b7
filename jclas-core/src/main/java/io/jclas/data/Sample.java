package io.jclas.data;

/** One labelled image of a {@link Dataset}. */
public record Sample(Image image, int label) {}
