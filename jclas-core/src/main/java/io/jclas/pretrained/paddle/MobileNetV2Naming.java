package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * MobileNetV2 of PaddleClas's {@code model_zoo/mobilenet_v2.py}: the stem {@code conv1}, groups
 * {@code conv2..conv8} (an {@code InvresiBlocks} each) whose first unit is {@code _first_block} and
 * unit i (from 2) {@code convG_i}, each with {@code _expand_conv}, {@code _bottleneck_conv} and
 * {@code _linear_conv}; the last conv {@code conv9}; the classifier {@code out}; ConvBNLayer
 * attributes {@code _conv}/{@code _batch_norm}. jclas numbers the units of a group from 0 and names
 * their convs without the underscore.
 */
final class MobileNetV2Naming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String name = path.size() == 4 ? unit(path) : path.get(1);
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV_BN_ZOO);
    }

    /** [features, convG, i, expand_conv] → convG._first_block._expand_conv or convG.convG_(i+1)._expand_conv */
    private static String unit(List<String> path) {
        String group = path.get(1);
        int index = Integer.parseInt(path.get(2));
        String unit = index == 0 ? "_first_block" : group + "_" + (index + 1);
        return group + "." + unit + "._" + path.get(3);
    }
}
