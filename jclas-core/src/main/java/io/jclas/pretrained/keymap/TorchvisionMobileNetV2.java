package io.jclas.pretrained.keymap;

import io.jclas.zoo.MobileNetV2;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's {@code mobilenet_v2} (width 1.0): {@code features.0} the stem, {@code features.1..17}
 * the inverted residuals numbered across groups ({@code conv.0} expand, {@code conv.1} depthwise,
 * each a conv {@code .0} + BN {@code .1}, then {@code conv.2} linear conv + {@code conv.3} BN),
 * {@code features.18} the last 1x1 conv, {@code classifier.1} the linear layer (after a dropout
 * that is the identity at inference).
 *
 * <p>torchvision's t=1 unit ({@code features.1}) has no expand conv: depthwise is {@code conv.0},
 * the linear conv {@code conv.1} + BN {@code conv.2}. jclas, as PaddleClas, keeps a 1x1 expand
 * conv + BN + ReLU6 there (32 to 32 channels); it is set to the identity, which is exact: its input
 * is the stem's ReLU6 output, already within [0, 6], so ReLU6 of the identity returns it unchanged.
 */
final class TorchvisionMobileNetV2 extends TorchvisionKeyMap {
    private static final Pattern UNIT = Pattern.compile("features_conv(\\d)_(\\d+)_(expand|bottleneck|linear)_conv");
    private static final String T1_EXPAND = "features_conv2_0_expand_conv";
    private final int[] repeats = MobileNetV2.groupRepeats();

    @Override
    Modules modules(String layer) {
        switch (layer) {
            case "features_conv1":
                return new Modules("features.0.0", "features.0.1");
            case "features_conv9":
                return new Modules("features.18.0", "features.18.1");
            case "head_out":
                return new Modules("classifier.1", null);
            default:
                break;
        }
        Matcher m = UNIT.matcher(layer);
        if (!m.matches() || layer.equals(T1_EXPAND)) {
            return null;
        }
        int unit = torchvisionUnit(Integer.parseInt(m.group(1)) - 2, Integer.parseInt(m.group(2)));
        String conv = "features." + unit + ".conv.";
        // the t=1 unit lacks the expand conv, so its depthwise and linear convs sit one step earlier
        int shift = unit == 1 ? 1 : 0;
        return switch (m.group(3)) {
            case "expand" -> new Modules(conv + "0.0", conv + "0.1");
            case "bottleneck" -> shift == 0 ? new Modules(conv + "1.0", conv + "1.1")
                    : new Modules(conv + "0.0", conv + "0.1");
            default -> new Modules(conv + (2 - shift), conv + (3 - shift));
        };
    }

    @Override
    boolean isIdentity(String layer) {
        return layer.equals(T1_EXPAND);
    }

    /** torchvision's {@code features} index of unit {@code i} of group {@code g} (0 = conv2). */
    private int torchvisionUnit(int g, int i) {
        int unit = 1 + i;
        for (int k = 0; k < g; k++) {
            unit += repeats[k];
        }
        return unit;
    }
}
