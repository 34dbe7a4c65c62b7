package io.jclas.pretrained.keymap;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's {@code shufflenet_v2_x0_5..x2_0}: {@code conv1.0/1}, {@code stage<s>.<i>.branch1}
 * (depthwise 3x3 s2 {@code .0/.1}, 1x1 {@code .2/.3}) and {@code branch2} (1x1 {@code .0/.1},
 * depthwise {@code .3/.4}, 1x1 {@code .5/.6}; ReLUs in between), {@code conv5.0/1}, {@code fc}.
 * jclas's layers keep PaddleClas's names ({@code 2_1}: stage 2, block 1).
 */
final class TorchvisionShuffleNetV2 extends TorchvisionKeyMap {
    private static final Pattern BLOCK = Pattern.compile("features_(\\d)_(\\d+)__(conv_\\w+)");
    /** jclas unit layer to torchvision branch and the index of its conv within it. */
    private static final Map<String, String> BRANCH = Map.of(
            "conv_dw_1", "branch1.0", "conv_linear_1", "branch1.2",
            "conv_pw_2", "branch2.0", "conv_dw_2", "branch2.3", "conv_linear_2", "branch2.5",
            "conv_pw", "branch2.0", "conv_dw", "branch2.3", "conv_linear", "branch2.5");

    @Override
    Modules modules(String layer) {
        switch (layer) {
            case "features__conv1":
                return sequential("conv1.0");
            case "features__last_conv":
                return sequential("conv5.0");
            case "head__fc":
                return new Modules("fc", null);
            default:
                break;
        }
        Matcher m = BLOCK.matcher(layer);
        String branch = m.matches() ? BRANCH.get(m.group(3)) : null;
        if (branch == null) {
            return null;
        }
        return sequential("stage" + m.group(1) + "." + (Integer.parseInt(m.group(2)) - 1) + "." + branch);
    }

    /** A conv at {@code prefix.<k>} of an nn.Sequential and its BatchNorm at {@code prefix.<k+1>}. */
    static Modules sequential(String conv) {
        int dot = conv.lastIndexOf('.');
        return new Modules(conv, conv.substring(0, dot + 1) + (Integer.parseInt(conv.substring(dot + 1)) + 1));
    }
}
