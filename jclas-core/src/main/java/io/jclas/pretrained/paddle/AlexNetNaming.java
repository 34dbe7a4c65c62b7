package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * AlexNet of PaddleClas's {@code model_zoo/alexnet.py} ({@code AlexNetDY}): the ConvPoolLayers {@code
 * _conv1}, {@code _conv2}, {@code _conv5} keep their Conv2D as {@code _convN._conv}, {@code _conv3}
 * and {@code _conv4} are bare Conv2D, the classifier is the Linear layers {@code _fc6..8}. jclas names
 * them {@code convN.conv}, {@code convN} and {@code fcN}.
 */
final class AlexNetNaming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String name = "_" + path.get(1) + (path.size() == 3 ? "._conv" : "");
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV_BN_ZOO);
    }
}
