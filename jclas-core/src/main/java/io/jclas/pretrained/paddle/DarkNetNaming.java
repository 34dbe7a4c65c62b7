package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import java.util.List;

/**
 * DarkNet53 of PaddleClas's {@code model_zoo/darknet.py}: the first convs {@code _conv1} and {@code
 * _conv2}, block j of stage s {@code _basic_block_s(j+1)} with {@code _conv1}/{@code _conv2}, the
 * stride-2 conv after stage s {@code _downsample_s}, the classifier {@code _out}; ConvBNLayer
 * attributes {@code _conv}/{@code _bn}. jclas names them {@code yolo_input}, {@code downsample},
 * {@code stage.s.j.convK}, {@code stage.s.downsample} and {@code fc}.
 */
final class DarkNetNaming implements PaddleNaming {

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        return PaddleNaming.layer(name(path), layer, PaddleLayer.Kind.CONV_BN_DARKNET);
    }

    private static String name(List<String> path) {
        switch (path.get(1)) {
            case "yolo_input":
                return "_conv1";
            case "downsample":
                return "_conv2";
            case "fc":
                return "_out";
            default:
                String stage = path.get(2);
                if (path.get(3).equals("downsample")) {
                    return "_downsample_" + stage;
                }
                return "_basic_block_" + stage + (Integer.parseInt(path.get(3)) + 1) + "._" + path.get(4);
        }
    }
}
