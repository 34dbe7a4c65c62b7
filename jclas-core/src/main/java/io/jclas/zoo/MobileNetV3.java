package io.jclas.zoo;

/** Placeholder until the family is written: registers nothing. */
final class MobileNetV3 {
    private MobileNetV3() {}

    static void register(Registry r) {}
}
