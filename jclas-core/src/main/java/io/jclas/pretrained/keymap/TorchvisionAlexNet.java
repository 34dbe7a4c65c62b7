package io.jclas.pretrained.keymap;

import java.util.Map;

/**
 * torchvision's {@code alexnet}, into jclas's torchvision variant ({@code Arch.variant: torchvision}):
 * the five convs at {@code features.0/3/6/8/10} (ReLUs and pools in between), the linear layers at
 * {@code classifier.1/4/6} (dropouts and ReLUs in between). No BatchNorm.
 */
final class TorchvisionAlexNet extends TorchvisionKeyMap {
    private static final Map<String, String> MODULES = Map.of(
            "features_conv1_conv", "features.0", "features_conv2_conv", "features.3", "features_conv3", "features.6",
            "features_conv4", "features.8", "features_conv5_conv", "features.10",
            "head_fc6", "classifier.1", "head_fc7", "classifier.4", "head_fc8", "classifier.6");

    @Override
    Modules modules(String layer) {
        String module = MODULES.get(layer);
        return module == null ? null : new Modules(module, null);
    }
}
