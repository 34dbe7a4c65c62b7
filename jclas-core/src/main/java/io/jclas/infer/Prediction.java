package io.jclas.infer;

/** One of the top-k answers for an image: class index, its label, and its softmax probability. */
public record Prediction(int classId, String label, float score) {}
