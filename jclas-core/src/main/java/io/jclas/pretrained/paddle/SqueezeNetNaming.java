package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * SqueezeNet 1.0 and 1.1 of PaddleClas's {@code model_zoo/squeezenet.py}: the stem Conv2D {@code
 * _conv}; fire modules fire2..fire9 as {@code _conv1.._conv8}, each a {@code MakeFire} whose {@code
 * MakeFireConv}s {@code _conv} (squeeze), {@code _conv_path1} (expand 1x1) and {@code _conv_path2}
 * (expand 3x3) keep their Conv2D as {@code _conv}; the classifier conv {@code _conv9}.
 */
final class SqueezeNetNaming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String part = path.get(1);
        String name;
        if (part.startsWith("fire")) {
            int fire = Integer.parseInt(part.substring("fire".length()));
            name = "_conv" + (fire - 1) + "." + fireConv(path.get(2)) + "._conv";
        } else {
            name = part.equals("conv10") ? "_conv9" : "_conv";
        }
        return PaddleNaming.layer(name, layer, PaddleLayer.Kind.CONV);
    }

    private static String fireConv(String jclasName) {
        return switch (jclasName) {
            case "squeeze" -> "_conv";
            case "expand1x1" -> "_conv_path1";
            case "expand3x3" -> "_conv_path2";
            default -> throw new IllegalArgumentException("no fire conv " + jclasName);
        };
    }
}
