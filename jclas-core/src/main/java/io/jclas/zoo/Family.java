package io.jclas.zoo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Architecture families, as PaddleClas groups its model pages. */
public enum Family {
    RESNET("ResNet"),
    SE_RESNEXT("SENet"),
    SHUFFLENET_V2("ShuffleNetV2"),
    ALEXNET("AlexNet"),
    SQUEEZENET("SqueezeNet"),
    DARKNET("DarkNet"),
    MOBILENET_V1("MobileNetV1"),
    MOBILENET_V2("MobileNetV2"),
    MOBILENET_V3("MobileNetV3"),
    GHOSTNET("GhostNet");

    private final String title;

    Family(String title) {
        this.title = title;
    }

    /** The name PaddleClas uses for the family's config folder (configs/ImageNet/&lt;title&gt;). */
    public String title() {
        return title;
    }

    /** The family with this title or enum name, case-insensitive ("shufflenetv2", "MOBILENET_V3"). */
    public static Optional<Family> find(String name) {
        String q = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.title.toLowerCase(Locale.ROOT).equals(q) || f.name().toLowerCase(Locale.ROOT).equals(q))
                .findFirst();
    }
}
