package io.jclas.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.jclas.config.Config;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;

/**
 * The network a config describes: {@code Arch.name}, {@code Arch.class_num}, {@code Arch.small_input} and
 * {@code Global.image_shape}, with PaddleClas's defaults. Training builds its network from it, and so
 * does every loader of a checkpoint, from the {@code config.yaml} saved with the weights. The config
 * must have passed {@link io.jclas.recipe.ConfigValidator}, the one check of these keys' forms and ranges.
 *
 * @param imageShape [channels, height, width]
 */
public record Architecture(String name, int classNum, boolean smallInput, int[] imageShape) {

    public static Architecture from(Config c) {
        int[] shape = c.has("Global.image_shape") ? c.getIntArray("Global.image_shape") : new int[] {3, 224, 224};
        return new Architecture(c.getString("Arch.name"), c.getInt("Arch.class_num", 1000),
                c.getBool("Arch.small_input", false), shape);
    }

    @Override
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** A network of the same shape under another zoo name (a distillation teacher). */
    public Architecture named(String otherName) {
        return new Architecture(otherName, classNum, smallInput, imageShape);
    }

    public ModelOptions modelOptions() {
        return ModelOptions.defaults().withClassNum(classNum).withInputChannels(imageShape[0])
                .withInputSize(imageShape[1]).withSmallInput(smallInput);
    }

    /** Builds the network and initialises its parameters on {@code manager}. */
    public Network build(NDManager manager) {
        Network net = Models.create(name, modelOptions());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, imageShape[0], imageShape[1], imageShape[2]));
        return net;
    }
}
