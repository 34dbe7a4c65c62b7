package io.jclas.pretrained.keymap;

import io.jclas.JclasException;
import io.jclas.pretrained.KeyMap;
import java.util.List;
import java.util.Map;

/**
 * The torchvision key maps by jclas architecture: the models whose function torchvision and
 * PaddleClas share. SqueezeNet and AlexNet are refused: PaddleClas defines them differently on
 * purpose (SqueezeNet's stem padding and floor-mode pooling, both models' inference-time dropout
 * scaling by 0.5), so torchvision's weights would not compute torchvision's function in them.
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
            Map.entry(MOBILENET_V2, "mobilenet_v2"));

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
        if (architecture.startsWith("SqueezeNet") || architecture.equals("AlexNet")) {
            throw new JclasException(architecture + " is PaddleClas's variant, not torchvision's (SqueezeNet: stem "
                    + "padding and floor-mode pooling; both: dropout scaled by 0.5 at inference), so torchvision "
                    + "weights would compute another function in it",
                    "import PaddleClas's " + architecture + "_pretrained.pdparams instead");
        }
        return null;
    }

    /** The jclas architectures torchvision weights import into, with torchvision's model names. */
    public static Map<String, String> torchvisionNames() {
        return TORCHVISION_NAMES;
    }
}
