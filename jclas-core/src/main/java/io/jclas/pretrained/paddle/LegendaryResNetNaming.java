package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * ResNet vb and vd of PaddleClas's {@code legendary_models/resnet.py}, the naming of today's
 * {@code ResNet*_pretrained.pdparams}: {@code stem.0..2}, {@code blocks.N.conv0..2}, the projection
 * {@code blocks.N.short} (one ConvBNLayer, its avg-pool has no tensors), {@code fc}; ConvBNLayer
 * attributes {@code conv}/{@code bn}. jclas uses the same names except that its projection wraps the
 * conv in {@code short.conv}.
 */
final class LegendaryResNetNaming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        List<String> names = new ArrayList<>(path);
        int shortcut = names.indexOf("short");
        if (shortcut >= 0) {
            names.remove(shortcut + 1);
        }
        return PaddleNaming.layer(PaddleNaming.mirrored(names), layer, PaddleLayer.Kind.CONV_BN_LEGENDARY);
    }
}
