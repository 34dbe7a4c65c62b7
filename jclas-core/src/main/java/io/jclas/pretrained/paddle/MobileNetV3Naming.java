package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * MobileNetV3 small and large of PaddleClas's {@code legendary_models/mobilenet_v3.py}: the stem
 * {@code conv}, {@code blocks.N} with {@code expand_conv}, {@code bottleneck_conv}, the SE's two
 * Conv2D {@code mid_se.conv1} and {@code mid_se.conv2}, {@code linear_conv}; {@code
 * last_second_conv}; the bare Conv2D {@code last_conv} (no bias) and {@code fc}; ConvBNLayer
 * attributes {@code conv}/{@code bn}. jclas names the SE convs {@code squeeze} and {@code excitation}.
 */
final class MobileNetV3Naming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String name = PaddleNaming.mirrored(path, "mid_se.squeeze", "mid_se.conv1", "mid_se.excitation", "mid_se.conv2");
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV_BN_LEGENDARY);
    }
}
