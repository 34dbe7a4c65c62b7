package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import java.util.List;

/**
 * How one PaddleClas family names its layers in a {@code .pdparams} file: the Paddle layer that
 * holds the tensors of each jclas layer. One implementation per family source file of PaddleClas.
 */
interface PaddleNaming {

    /**
     * @param path the jclas layer's child names from the network down ({@code [features, blocks, 0,
     *     conv0]}); the first is always {@code features} or {@code head}
     * @param layer the jclas layer with parameters there: a {@link ConvBnAct} or an {@link Fc}
     */
    PaddleLayer layerAt(List<String> path, Block layer);

    /**
     * The layer at a structured name in a family whose ConvBNLayer is {@code convBn}: a jclas
     * {@link Fc} is a Paddle Linear, a conv without BatchNorm a bare Conv2D.
     */
    static PaddleLayer layer(String prefix, Block layer, PaddleLayer.Kind convBn) {
        if (layer instanceof Fc) {
            return new PaddleLayer(prefix, PaddleLayer.Kind.LINEAR);
        }
        boolean withBn = ((ConvBnAct) layer).hasBatchNorm();
        return new PaddleLayer(prefix, withBn ? convBn : PaddleLayer.Kind.CONV);
    }

    /**
     * The path below {@code features}/{@code head} joined by dots: the structured name where the
     * jclas family file already uses PaddleClas's attribute names.
     */
    static String mirrored(List<String> path) {
        return String.join(".", path.subList(1, path.size()));
    }

    /** {@link #mirrored} with some names replaced: pairs of jclas part, PaddleClas part ({@code ".dw_conv", ".depthwise_conv"}). */
    static String mirrored(List<String> path, String... replacements) {
        String name = mirrored(path);
        for (int i = 0; i < replacements.length; i += 2) {
            name = name.replace(replacements[i], replacements[i + 1]);
        }
        return name;
    }
}
