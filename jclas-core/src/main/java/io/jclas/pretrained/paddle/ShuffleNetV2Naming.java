package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * ShuffleNetV2 of PaddleClas's {@code model_zoo/shufflenet_v2.py} (all widths and the swish variant):
 * {@code _conv1}, blocks {@code 2_1..4_4} with {@code _conv_pw}/{@code _conv_dw}/{@code
 * _conv_linear} (stride-1) or {@code _conv_dw_1}, {@code _conv_linear_1}, {@code _conv_pw_2},
 * {@code _conv_dw_2}, {@code _conv_linear_2} (stride-2), {@code _last_conv}, {@code _fc}; ConvBNLayer
 * attributes {@code _conv}/{@code _batch_norm}. jclas's ShuffleNetV2 uses these names as they are.
 */
final class ShuffleNetV2Naming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        return PaddleNaming.layer(PaddleNaming.mirrored(path), layer, PaddleLayer.Kind.CONV_BN_ZOO);
    }
}
