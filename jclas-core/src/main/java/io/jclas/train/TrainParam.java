package io.jclas.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.jclas.zoo.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One parameter an optimizer updates, with its weight-decay group and learning-rate factor.
 *
 * @param name the parameter's path in the block tree (the key in {@code model.npz})
 * @param parameter the DJL parameter; its array carries the gradient after a backward pass
 * @param decay whether weight decay applies: off for BatchNorm gamma/beta and biases, as the common
 *     "no decay on norm and bias" practice (decaying BN scales fights the normalisation)
 * @param lrMult the factor on the scheduled learning rate for this parameter: {@code
 *     Optimizer.lr.backbone_mult} for the backbone when fine-tuning, 1 elsewhere
 */
public record TrainParam(String name, Parameter parameter, boolean decay, double lrMult) {
    private static final Set<Parameter.Type> NO_DECAY =
            EnumSet.of(Parameter.Type.GAMMA, Parameter.Type.BETA, Parameter.Type.BIAS);

    /** Every trainable ({@code requiresGradient()}) parameter of an initialised block, in block order. */
    public static List<TrainParam> of(Block block) {
        return of(block, Set.of(), 1);
    }

    /**
     * Every trainable parameter of a network, those of its backbone ({@code features}) at {@code
     * backboneMult} times the learning rate of the head: timm's and PaddleClas's fine-tuning practice
     * of a lower rate for pretrained features than for a re-created classifier.
     */
    public static List<TrainParam> of(Network net, double backboneMult) {
        Set<Parameter> backbone = Collections.newSetFromMap(new IdentityHashMap<>());
        net.features().getParameters().values().forEach(backbone::add);
        return of(net, backbone, backboneMult);
    }

    private static List<TrainParam> of(Block block, Set<Parameter> scaled, double mult) {
        List<TrainParam> out = new ArrayList<>();
        for (ai.djl.util.Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient()) {
                out.add(new TrainParam(p.getKey(), param, !NO_DECAY.contains(param.getType()),
                        scaled.contains(param) ? mult : 1));
            }
        }
        return out;
    }
}
