package io.jclas.zoo;

/** Placeholder until the family is written: registers nothing. */
final class MobileNetV1 {
    private MobileNetV1() {}

    static void register(Registry r) {}
}
