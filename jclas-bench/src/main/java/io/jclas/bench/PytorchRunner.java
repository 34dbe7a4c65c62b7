package io.jclas.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.jclas.zoo.Network;

/**
 * Forwards through the DJL PyTorch engine. Each call creates its input and everything it computes
 * in a sub-manager closed at the end, so no tensor outlives the call.
 */
public final class PytorchRunner implements ForwardRunner {
    private final Network net;
    private final NDManager manager;
    private final float[] input;
    private final Shape shape;

    /** {@code net} must be initialised; {@code manager} is the caller's and stays open. */
    public PytorchRunner(Network net, NDManager manager, float[] input, Shape shape) {
        this.net = net;
        this.manager = manager;
        this.input = input;
        this.shape = shape;
    }

    @Override
    public void forward() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(input, shape);
            NDList out = net.forward(new ParameterStore(sub, false), new NDList(x), false);
            out.singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public void close() {
        // the network and its manager belong to the caller
    }
}
