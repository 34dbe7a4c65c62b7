package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * MobileNetV1 of PaddleClas's {@code legendary_models/mobilenet_v1.py}: the stem {@code conv}, block
 * N's {@code blocks.N.depthwise_conv} and {@code blocks.N.pointwise_conv}, {@code fc}; ConvBNLayer
 * attributes {@code conv}/{@code bn}. jclas names the two convs {@code dw_conv} and {@code pw_conv}.
 */
final class MobileNetV1Naming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String name = PaddleNaming.mirrored(path, ".dw_conv", ".depthwise_conv", ".pw_conv", ".pointwise_conv");
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV_BN_LEGENDARY);
    }
}
