package io.jclas.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One parameter an optimizer updates, with its weight-decay group.
 *
 * @param name the parameter's path in the block tree (the key in {@code model.npz})
 * @param parameter the DJL parameter; its array carries the gradient after a backward pass
 * @param decay whether weight decay applies: off for BatchNorm gamma/beta and biases, as the common
 *     "no decay on norm and bias" practice (decaying BN scales fights the normalisation)
 */
public record TrainParam(String name, Parameter parameter, boolean decay) {
    private static final Set<Parameter.Type> NO_DECAY =
            EnumSet.of(Parameter.Type.GAMMA, Parameter.Type.BETA, Parameter.Type.BIAS);

    /** Every trainable ({@code requiresGradient()}) parameter of an initialised block, in block order. */
    public static List<TrainParam> of(Block block) {
        List<TrainParam> out = new ArrayList<>();
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient()) {
                out.add(new TrainParam(p.getKey(), param, !NO_DECAY.contains(param.getType())));
            }
        }
        return out;
    }
}
