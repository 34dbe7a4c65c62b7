package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Base of every jclas block: one tensor in, one tensor out, parameters whose shapes are fixed at
 * construction (channel counts are always known when a PaddleClas network is built, so no shape
 * inference pass is needed before initialisation).
 *
 * <p>Subclasses implement {@link #forward(ParameterStore, NDArray, boolean)} and call children
 * through {@link #apply}. Primitive ops report to {@link Trace} so that MACs counting and ONNX
 * export see every operation a forward runs.
 */
public abstract class Layer extends AbstractBlock {

    protected Layer() {
        super((byte) 1);
    }

    /** The computation of this block on one NCHW (or NC) tensor. */
    protected abstract NDArray forward(ParameterStore ps, NDArray x, boolean training);

    /** Registers a named child block, in forward order. */
    protected final <B extends Block> B child(String name, B block) {
        return addChildBlock(name, block);
    }

    /** Registers a parameter with a fixed shape. */
    protected final Parameter param(String name, Parameter.Type type, Shape shape) {
        return param(name, type, shape, type.getInitializer());
    }

    /** Registers a parameter with a fixed shape and an explicit initializer. */
    protected final Parameter param(
            String name, Parameter.Type type, Shape shape, Initializer initializer) {
        boolean trainable = type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
        return addParameter(
                Parameter.builder()
                        .setName(name)
                        .setType(type)
                        .optShape(shape)
                        .optInitializer(initializer)
                        .optRequiresGrad(trainable)
                        .build());
    }

    /** Runs a child block on one tensor. */
    protected static NDArray apply(Block block, ParameterStore ps, NDArray x, boolean training) {
        if (block instanceof Layer) {
            return ((Layer) block).forward(ps, x, training);
        }
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** The value of a parameter on the device of {@code like}. */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Parameter shapes are fixed at construction, so children need no input shapes of their own.
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    /** Output shape by running the (initialised) block once on zeros, in inference mode. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        try (NDManager scratch = NDManager.newBaseManager()) {
            NDArray x = scratch.zeros(inputShapes[0]);
            return new Shape[] {forward(new ParameterStore(scratch, false), x, false).getShape()};
        }
    }
}
