package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import io.jclas.zoo.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-zoo ResNet naming that PaddleClas's {@code model_zoo/resnet_vc.py}, {@code se_resnext.py},
 * {@code se_resnext_vd.py} and release/2.0's {@code resnet_vd.py} share (the files of ResNet50_vc,
 * SE-ResNeXt, SENet154_vd and the older {@code dygraph/ResNet50_vd_*} weights): the stem is {@code
 * conv} (one 7x7) or {@code conv1_1..3}, block j of stage s is {@code bb_s_j} with {@code
 * conv0..2} and the projection {@code short}, the SE projections are Linear layers {@code
 * scale.squeeze} and {@code scale.excitation}, the classifier is {@code out}; ConvBNLayer
 * attributes {@code _conv}/{@code _batch_norm}.
 */
final class ZooResNetNaming implements PaddleNaming {
    /** {@code bb_s_j} of each jclas block index. */
    private final List<String> blockNames = new ArrayList<>();
    private final boolean singleStemConv;

    /** Reads the stage structure off the network: the first block of every stage has a projection. */
    ZooResNetNaming(Network network) {
        Block features = network.features();
        singleStemConv = child(features, "stem").getChildren().size() == 1;
        int stage = -1;
        int inStage = 0;
        for (Block block : child(features, "blocks").getChildren().values()) {
            boolean opensStage = block.getChildren().keys().stream().anyMatch(k -> k.endsWith("short"));
            if (opensStage) {
                stage++;
                inStage = 0;
            }
            blockNames.add("bb_" + stage + "_" + inStage++);
        }
    }

    @Override
    public PaddleLayer layerAt(List<String> path, Block layer) {
        String part = path.get(1);
        if (part.equals("stem")) {
            String conv = singleStemConv ? "conv" : "conv1_" + (Integer.parseInt(path.get(2)) + 1);
            return PaddleNaming.layer(conv, layer, PaddleLayer.Kind.CONV_BN_ZOO);
        }
        if (part.equals("fc")) {
            return PaddleNaming.layer("out", layer, PaddleLayer.Kind.CONV_BN_ZOO);
        }
        String block = blockNames.get(Integer.parseInt(path.get(2)));
        String inner = path.get(3);
        if (inner.equals("scale")) {
            // SE-ResNeXt's SELayer projects with Linear layers where jclas has 1x1 convs
            return new PaddleLayer(block + ".scale." + path.get(4), PaddleLayer.Kind.LINEAR);
        }
        return PaddleNaming.layer(block + "." + inner, layer, PaddleLayer.Kind.CONV_BN_ZOO);
    }

    private static Block child(Block parent, String name) {
        return parent.getChildren().stream().filter(c -> c.getKey().endsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in " + parent)).getValue();
    }
}
