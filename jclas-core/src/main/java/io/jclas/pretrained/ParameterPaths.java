package io.jclas.pretrained;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of a block tree by the names {@link KeyMap}s use: DJL numbers every child
 * ({@code 01features}, {@code 03blocks}, {@code 010}), which says nothing a key map needs and would
 * make {@code _conv1} ambiguous, so the path here is the child names alone ({@code
 * features_blocks_0_conv0_weight}), in {@code getParameters()} order.
 */
public final class ParameterPaths {
    /** One parameter: its key map name, the name {@code Weights.save} writes, and the parameter. */
    public record Named(String path, String npzName, Parameter parameter) {}

    private ParameterPaths() {}

    public static List<Named> of(Block block) {
        List<Named> out = new ArrayList<>();
        collect(block, "", "", out);
        return out;
    }

    private static void collect(Block block, String path, String npzName, List<Named> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.add(new Named(path + p.getKey(), npzName + p.getKey(), p.getValue()));
        }
        int position = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            position++;
            // DJL's AbstractBlock.addChildBlock names a child "%02d" + name (its 1-based position)
            String ordinal = String.format(Locale.ROOT, "%02d", position);
            String key = child.getKey();
            String name = key.startsWith(ordinal) ? key.substring(ordinal.length()) : key;
            collect(child.getValue(), path + name + "_", npzName + key + "_", out);
        }
    }
}
