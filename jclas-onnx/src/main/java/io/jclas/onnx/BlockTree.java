package io.jclas.onnx;

import ai.djl.nn.Block;
import ai.djl.util.Pair;
import io.jclas.JclasException;
import io.jclas.layers.Activate;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Layer;
import io.jclas.layers.Pool2d;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of a network with their dotted paths ({@code features.stage1.0.conv}), used to name
 * ONNX weights and nodes, and to name the block at fault when a forward computes something the
 * trace cannot see (raw NDArray math, a DJL block that is not a jclas {@link Layer}).
 */
final class BlockTree {
    private static final String HINT =
            "build the block from io.jclas.layers primitives and Ops, so that the trace (and ONNX export) sees its ops";
    private static final Set<Class<?>> PRIMITIVES = Set.of(
            ConvBnAct.class, Fc.class, Activate.class, Pool2d.class, GlobalAvgPool.class, Flatten.class,
            Dropout.class);

    private final Map<Block, String> paths = new IdentityHashMap<>();
    private final List<Block> leaves = new ArrayList<>();
    /** Layer classes seen on the call stack of at least one traced op. */
    private final Set<Class<?>> traced = new HashSet<>();

    /** Walks {@code root}; a block that is not a jclas {@link Layer} fails here, named. */
    BlockTree(Block root) {
        walk(root, "");
    }

    private void walk(Block block, String path) {
        if (!(block instanceof Layer)) {
            throw unknown(block, path, "is not a jclas layer");
        }
        paths.put(block, path);
        if (block.getChildren().isEmpty()) {
            leaves.add(block);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL prefixes child names with their 2-digit position ("01features")
            String name = child.getKey().replaceFirst("^\\d{2}", "");
            walk(child.getValue(), path.isEmpty() ? name : path + "." + name);
        }
    }

    /** The dotted path of a block, or "net" for the root. */
    String path(Block block) {
        String p = paths.get(block);
        return p == null || p.isEmpty() ? "net" : p;
    }

    /**
     * The jclas layers on the current call stack, innermost first. Called from the trace listener,
     * so for each op it tells which composite blocks were running it.
     */
    List<Class<?>> layersOnStack() {
        List<Class<?>> stack = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(Layer.class::isAssignableFrom)
                        .distinct()
                        .collect(java.util.stream.Collectors.toList()));
        traced.addAll(stack);
        return stack;
    }

    /**
     * The error for a tensor that no traced op produced, consumed by an op whose stack was
     * {@code consumerStack} (empty for the network output). The culprit is a leaf block that
     * never ran a traced op, else the innermost block outside io.jclas.layers on that stack.
     */
    JclasException untraced(List<Class<?>> consumerStack) {
        for (Block leaf : leaves) {
            if (!PRIMITIVES.contains(leaf.getClass()) && !traced.contains(leaf.getClass())) {
                return unknown(leaf, paths.get(leaf), "computes outside the traced ops");
            }
        }
        String layersPackage = Layer.class.getPackageName();
        for (Class<?> c : consumerStack) {
            if (!c.getPackageName().equals(layersPackage)) {
                Block first = paths.keySet().stream().filter(b -> b.getClass() == c).findFirst().orElse(null);
                return first == null
                        ? new JclasException("cannot export " + c.getSimpleName()
                                + ": it computes outside the traced ops", HINT)
                        : unknown(first, paths.get(first), "computes outside the traced ops");
            }
        }
        return new JclasException("cannot export this network: its output is computed outside the traced ops", HINT);
    }

    private JclasException unknown(Block block, String path, String why) {
        return new JclasException("cannot export block " + block.getClass().getSimpleName() + " at "
                + (path == null || path.isEmpty() ? "the root" : path) + ": it " + why + " (the ONNX exporter does not know it)",
                HINT);
    }
}
