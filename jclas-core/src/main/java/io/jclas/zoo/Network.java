package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;

/**
 * A zoo model: {@code features} maps an image batch to the last feature map [N, C, H, W];
 * {@code head} maps that to logits [N, classNum]. Without head, the head is a global average pool
 * and the output is [N, featureChannels], as timm's {@code num_classes=0}.
 */
public final class Network extends Layer {
    private final Block features;
    private final Block head;
    private final int featureChannels;
    private final boolean hasClassifier;

    /** Builds a network; {@code head} is replaced by pooling when the options ask for no head. */
    public Network(Block features, int featureChannels, Block head, ModelOptions options) {
        this.features = child("features", features);
        this.featureChannels = featureChannels;
        this.hasClassifier = !options.headless();
        this.head = child("head", hasClassifier ? head : new GlobalAvgPool(false));
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return apply(head, ps, forwardFeatures(ps, x, training), training);
    }

    /** The last feature map, before the head. */
    public NDArray forwardFeatures(ParameterStore ps, NDArray x, boolean training) {
        return apply(features, ps, x, training);
    }

    public Block features() { return features; }
    public Block head() { return head; }
    /** Channels of the feature map that {@link #forwardFeatures} returns. */
    public int featureChannels() { return featureChannels; }
    public boolean hasClassifier() { return hasClassifier; }
}
