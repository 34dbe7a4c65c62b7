package io.jclas.zoo;

import io.jclas.JclasException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whose definition of a model to build ({@code Arch.variant}). The zoo is PaddleClas's; for the two
 * families PaddleClas defines differently from torchvision on purpose, {@code torchvision} builds
 * torchvision's instead, so that torchvision's weights compute torchvision's function: SqueezeNet
 * with ceil-mode pooling and (1.1) an unpadded stem, SqueezeNet and AlexNet with dropout that is
 * the identity at inference (PaddleClas's scales by 0.5). Parameters and their names are the same.
 */
public enum Variant {
    PADDLECLAS,
    TORCHVISION;

    /** The families with a torchvision variant. */
    public static final Set<Family> TORCHVISION_FAMILIES = EnumSet.of(Family.SQUEEZENET, Family.ALEXNET);

    /** The variant of an {@code Arch.variant} value ({@code paddleclas}, {@code torchvision}). */
    public static Variant parse(String value) {
        return Arrays.stream(values()).filter(v -> v.configName().equals(value)).findFirst()
                .orElseThrow(() -> new JclasException("Arch.variant is '" + value + "', expected paddleclas or torchvision",
                        "leave Arch.variant out for the PaddleClas model, or set it to torchvision"));
    }

    /** The value in a config. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
