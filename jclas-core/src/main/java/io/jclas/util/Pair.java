package io.jclas.util;

/** Two values. */
public record Pair<K, V>(K getKey, V getValue) {}
