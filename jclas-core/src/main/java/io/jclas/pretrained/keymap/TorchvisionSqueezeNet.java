package io.jclas.pretrained.keymap;

import io.jclas.zoo.SqueezeNet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's {@code squeezenet1_0/1_1}, into jclas's torchvision variant ({@code Arch.variant:
 * torchvision}): {@code features.0} the stem conv, {@code features.<k>.squeeze/expand1x1/expand3x3}
 * the fire modules (k counts the ReLU and the pools of the {@code features} sequence), {@code
 * classifier.1} the final 1x1 conv. No BatchNorm.
 */
final class TorchvisionSqueezeNet extends TorchvisionKeyMap {
    /** torchvision's index of the first fire module: conv, ReLU and pool come before it. */
    private static final int FIRST_FIRE = 3;
    private static final Pattern FIRE = Pattern.compile("features_fire(\\d)_(squeeze|expand1x1|expand3x3)");
    private final int[] pools;

    TorchvisionSqueezeNet(boolean v10) {
        this.pools = SqueezeNet.poolsBeforeFires(v10);
    }

    @Override
    Modules modules(String layer) {
        if (layer.equals("features_conv")) {
            return new Modules("features.0", null);
        }
        if (layer.equals("head_conv10")) {
            return new Modules("classifier.1", null);
        }
        Matcher m = FIRE.matcher(layer);
        if (!m.matches()) {
            return null;
        }
        int fire = Integer.parseInt(m.group(1)) - 2;
        int index = FIRST_FIRE + fire;
        for (int pool : pools) {
            index += pool <= fire ? 1 : 0;
        }
        return new Modules("features." + index + "." + m.group(2), null);
    }
}
