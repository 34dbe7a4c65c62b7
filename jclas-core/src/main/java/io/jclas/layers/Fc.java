package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;

/**
 * A fully connected layer on [N, in] with bias. Weight layout is PyTorch's [out, in] (Paddle stores
 * [in, out]; importers transpose). Initialised as PaddleClas does, Uniform(+-1/sqrt(in)).
 */
public final class Fc extends Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    public Fc(int in, int out) {
        this.in = in;
        this.out = out;
        float bound = (float) (1.0 / Math.sqrt(in));
        weight = param("weight", Parameter.Type.WEIGHT, new Shape(out, in), new UniformInitializer(bound));
        bias = param("bias", Parameter.Type.BIAS, new Shape(out), new UniformInitializer(bound));
    }

    @Override
    protected NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = Linear.linear(x, value(ps, weight, x, training), value(ps, bias, x, training))
                .singletonOrThrow();
        Trace.record(OpType.FC, this, x, y);
        return y;
    }

    public int inFeatures() { return in; }
    public int outFeatures() { return out; }
    public Parameter weight() { return weight; }
    public Parameter bias() { return bias; }
}
