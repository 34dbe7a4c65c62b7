package io.jclas.pretrained.keymap;

import io.jclas.zoo.ResNet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's {@code resnet18..152} (v1.5: stride on the 3x3 conv, as jclas's plain ResNet):
 * {@code conv1}/{@code bn1}, {@code layer<s>.<i>.conv<j>}/{@code bn<j>} and {@code downsample.0/1},
 * {@code fc}. jclas numbers the blocks of all stages in one {@code blocks} sequence.
 *
 * <p>jclas (as PaddleClas) gives the first block of ResNet18/34 a 64-to-64 projection shortcut
 * that torchvision has not (torchvision adds the block's input itself). That projection is set to
 * the identity: exact, because a 1x1 identity conv and an identity BatchNorm return their input.
 */
final class TorchvisionResNet extends TorchvisionKeyMap {
    private static final Pattern BLOCK = Pattern.compile("features_blocks_(\\d+)_(conv(\\d)|short_conv)");
    private final int[] depths;
    private final boolean basic;

    TorchvisionResNet(int depth) {
        this.depths = ResNet.stageDepths(depth);
        this.basic = depth < 50;
    }

    @Override
    Modules modules(String layer) {
        if (layer.equals("features_stem_0")) {
            return new Modules("conv1", "bn1");
        }
        if (layer.equals("head_fc")) {
            return new Modules("fc", null);
        }
        Matcher m = BLOCK.matcher(layer);
        if (!m.matches()) {
            return null;
        }
        String block = torchvisionBlock(Integer.parseInt(m.group(1)));
        if (block == null) {
            return null;
        }
        if (m.group(3) == null) {
            return isIdentity(layer) ? null : new Modules(block + ".downsample.0", block + ".downsample.1");
        }
        int j = Integer.parseInt(m.group(3)) + 1;
        return new Modules(block + ".conv" + j, block + ".bn" + j);
    }

    @Override
    boolean isIdentity(String layer) {
        return basic && layer.equals("features_blocks_0_short_conv");
    }

    /** {@code layer<s>.<i>} of jclas's flat block index; null past the last stage. */
    private String torchvisionBlock(int flat) {
        int i = flat;
        for (int stage = 0; stage < depths.length; stage++) {
            if (i < depths[stage]) {
                return "layer" + (stage + 1) + "." + i;
            }
            i -= depths[stage];
        }
        return null;
    }
}
