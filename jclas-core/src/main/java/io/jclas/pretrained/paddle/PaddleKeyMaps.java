package io.jclas.pretrained.paddle;

import io.jclas.pretrained.KeyMap;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The PaddleClas key maps by jclas architecture. Parameter names do not depend on {@code class_num},
 * input channels or {@code small_input}, so a map is computed over the default network of the
 * architecture. ResNet_vd has two namings: today's legendary files and the older model-zoo files
 * ({@code dygraph/ResNet50_vd_v2}, {@code _ssld_v2}, {@code Fix_ResNet50_vd_ssld_v2}); {@link
 * #forFile} picks the one the file uses.
 */
public final class PaddleKeyMaps {

    private PaddleKeyMaps() {}

    /**
     * The map, among the namings of {@code architecture} (a zoo architecture, not an alias), that reads
     * the most of {@code fileKeys}; today's naming when none reads more.
     */
    public static KeyMap forFile(String architecture, Set<String> fileKeys) {
        return candidates(architecture).stream()
                .max(Comparator.comparingLong(map -> map.sources().values().stream()
                        .filter(s -> fileKeys.contains(s.key())).count()))
                .orElseThrow();
    }

    /** Every naming of an architecture as a key map, today's first. */
    static List<PaddleKeyMap> candidates(String architecture) {
        Network net = Models.create(architecture);
        return namings(architecture, net).stream().map(n -> new PaddleKeyMap(net, n)).toList();
    }

    private static List<PaddleNaming> namings(String architecture, Network net) {
        return switch (Models.info(architecture).family()) {
            case RESNET -> architecture.endsWith("_vc") ? List.of(new ZooResNetNaming(net))
                    : architecture.endsWith("_vd") ? List.of(new LegendaryResNetNaming(), new ZooResNetNaming(net))
                    : List.of(new LegendaryResNetNaming());
            case SE_RESNEXT -> List.of(new ZooResNetNaming(net));
            case SHUFFLENET_V2 -> List.of(new ShuffleNetV2Naming());
            case MOBILENET_V1 -> List.of(new MobileNetV1Naming());
            case MOBILENET_V2 -> List.of(new MobileNetV2Naming());
            case MOBILENET_V3 -> List.of(new MobileNetV3Naming());
            case GHOSTNET -> List.of(new GhostNetNaming());
            case ALEXNET -> List.of(new AlexNetNaming());
            case SQUEEZENET -> List.of(new SqueezeNetNaming());
            case DARKNET -> List.of(new DarkNetNaming());
        };
    }
}
