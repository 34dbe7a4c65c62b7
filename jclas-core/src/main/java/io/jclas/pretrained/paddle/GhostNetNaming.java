package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * GhostNet of PaddleClas's {@code model_zoo/ghostnet.py}: {@code conv1}, {@code _ghostbottleneck_0..15}
 * with {@code ghost_module_1/2} ({@code primary_conv}, {@code cheap_operation}), {@code
 * depthwise_conv}, the SE's Linear layers {@code se_block.squeeze} and {@code se_block.excitation},
 * {@code shortcut_depthwise}, {@code shortcut_conv}; {@code conv_last}; the head's ConvBNLayer
 * {@code fc_0} and Linear {@code fc_1}; ConvBNLayer attributes {@code _conv}/{@code _batch_norm}.
 * jclas uses these names as they are, with 1x1 convs for the SE's Linear layers.
 */
final class GhostNetNaming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String name = PaddleNaming.mirrored(path);
        if (path.contains("se_block")) {
            return new PaddleLayer(name, PaddleLayer.Kind.LINEAR);
        }
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV_BN_ZOO);
    }
}
