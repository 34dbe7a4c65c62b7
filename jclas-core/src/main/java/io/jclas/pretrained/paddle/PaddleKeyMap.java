package io.jclas.pretrained.paddle;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.jclas.pretrained.KeyMap;
import io.jclas.pretrained.ParameterPaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key map of one PaddleClas family naming, computed once over a network's block tree: every
 * layer with parameters is named by the family's {@link PaddleNaming}, and its parameters by
 * {@link PaddleLayer}'s rules.
 */
final class PaddleKeyMap implements KeyMap {
    private final Map<String, Source> sources = new LinkedHashMap<>();

    PaddleKeyMap(Block network, PaddleNaming naming) {
        collect(network, new ArrayList<>(), naming);
    }

    @Override
    public Source sourceOf(String parameterName) {
        return sources.get(parameterName);
    }

    /** The file source of every jclas parameter, by parameter name, in the network's order. */
    Map<String, Source> sources() {
        return Collections.unmodifiableMap(sources);
    }

    private void collect(Block block, List<String> path, PaddleNaming naming) {
        if (!block.getDirectParameters().isEmpty()) {
            PaddleLayer layer = naming.layerAt(List.copyOf(path), block);
            String prefix = String.join("_", path) + "_";
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                sources.put(prefix + p.getKey(), layer.source(p.getKey()));
            }
        }
        int position = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            path.add(ParameterPaths.childName(++position, child.getKey()));
            collect(child.getValue(), path, naming);
            path.remove(path.size() - 1);
        }
    }
}
