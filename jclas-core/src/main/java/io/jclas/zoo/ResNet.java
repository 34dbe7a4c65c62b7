package io.jclas.zoo;

/** Placeholder until the family is written: registers nothing. */
final class ResNet {
    private ResNet() {}

    static void register(Registry r) {}
}
