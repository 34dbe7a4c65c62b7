package io.jclas.pretrained.format;

import io.jclas.pretrained.StateDict;

/** A foreign weight file as read: its format and its arrays. */
public record WeightFile(WeightFormat format, StateDict tensors) {}
