package io.jclas.pretrained.keymap;

import io.jclas.pretrained.KeyMap;
import java.util.List;
import java.util.Map;

/**
 * The torchvision key maps by jclas architecture: the models whose function torchvision and
 * PaddleClas share, and SqueezeNet and AlexNet, which PaddleClas defines differently on purpose
 * and which take torchvision's weights only built as torchvision's variant ({@code Arch.variant:
 * torchvision}, checked by {@link io.jclas.pretrained.PretrainedWeights}).
 */
public final class TorchvisionKeyMaps {
    private static final List<String> RESNETS = List.of("ResNet18", "ResNet34", "ResNet50", "ResNet101", "ResNet152");
    private static final List<String> SHUFFLENETS =
            List.of("ShuffleNetV2_x0_5", "ShuffleNetV2_x1_0", "ShuffleNetV2_x1_5", "ShuffleNetV2_x2_0");
    private static final String MOBILENET_V2 = "MobileNetV2";
    /** The torchvision builder names, for `jclas weights` and the docs. */
    private static final Map<String, String> TORCHVISION_NAMES = Map.ofEntries(
            Map.entry("ResNet18", "resnet18"), Map.entry("ResNet34", "resnet34"), Map.entry("ResNet50", "resnet50"),
            Map.entry("ResNet101", "resnet101"), Map.entry("ResNet152", "resnet152"),
            Map.entry("ShuffleNetV2_x0_5", "shufflenet_v2_x0_5"), Map.entry("ShuffleNetV2_x1_0", "shufflenet_v2_x1_0"),
            Map.entry("ShuffleNetV2_x1_5", "shufflenet_v2_x1_5"), Map.entry("ShuffleNetV2_x2_0", "shufflenet_v2_x2_0"),
            Map.entry(MOBILENET_V2, "mobilenet_v2"), Map.entry("SqueezeNet1_0", "squeezenet1_0"),
            Map.entry("SqueezeNet1_1", "squeezenet1_1"), Map.entry("AlexNet", "alexnet"));

    private TorchvisionKeyMaps() {}

    /** The map of a jclas architecture (not an alias), null where torchvision has no such model. */
    public static KeyMap forArchitecture(String architecture) {
        if (RESNETS.contains(architecture)) {
            return new TorchvisionResNet(Integer.parseInt(architecture.substring("ResNet".length())));
        }
        if (SHUFFLENETS.contains(architecture)) {
            return new TorchvisionShuffleNetV2();
        }
        if (architecture.equals(MOBILENET_V2)) {
            return new TorchvisionMobileNetV2();
        }
        return switch (architecture) {
            case "SqueezeNet1_0" -> new TorchvisionSqueezeNet(true);
            case "SqueezeNet1_1" -> new TorchvisionSqueezeNet(false);
            case "AlexNet" -> new TorchvisionAlexNet();
            default -> null;
        };
    }

    /** The jclas architectures torchvision weights import into, with torchvision's model names. */
    public static Map<String, String> torchvisionNames() {
        return TORCHVISION_NAMES;
    }
}
