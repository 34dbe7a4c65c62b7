package io.jclas.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.jclas.JclasException;
import io.jclas.layers.Trace;
import io.jclas.layers.Trace.TracedOp;
import io.jclas.util.AtomicFiles;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a zoo network to ONNX the way torch.onnx does: run it once (inference mode, batch 1,
 * random input) under {@link Trace}, then map every traced op to ONNX nodes. BatchNorm is folded
 * into the convolutions; inference-time dropout scaling is kept. The model has opset 17, input
 * {@code image} [N, C, H, W] and output {@code logits} [N, classes] with a dynamic batch N.
 *
 * <pre>{@code
 * OnnxExporter.export(net, 3, 224, Path.of("out/model.onnx"));
 * }</pre>
 */
public final class OnnxExporter {
    public static final String INPUT = "image";
    public static final String OUTPUT = "logits";

    private OnnxExporter() {}

    /** Writes the network as an ONNX file, atomically. */
    public static void export(Network net, int channels, int size, Path onnxFile) {
        ModelProto model = toModel(net, channels, size);
        AtomicFiles.write(onnxFile, model::writeTo);
    }

    /**
     * The ONNX model of an initialised network at a square input side. Fails with a message naming
     * the block when the network computes something the trace does not see.
     */
    public static ModelProto toModel(Network net, int channels, int size) {
        if (!net.isInitialized()) {
            throw new JclasException("cannot export a network without weights",
                    "load a checkpoint (Checkpoints.loadNetwork) or initialise the network first");
        }
        BlockTree tree = new BlockTree(net);
        List<TracedOp> ops = new ArrayList<>();
        List<List<Class<?>>> stacks = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1f, 1f, new Shape(1, channels, size, size));
            NDArray y = Trace.run(op -> {
                ops.add(op);
                stacks.add(tree.layersOnStack());
            }, () -> net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow());

            OnnxGraph graph = new OnnxGraph(INPUT, OUTPUT);
            GraphTranslator translator = new GraphTranslator(graph, tree, x, INPUT);
            for (int i = 0; i < ops.size(); i++) {
                for (NDArray in : ops.get(i).inputs()) {
                    if (translator.name(in) == null) {
                        throw tree.untraced(stacks.get(i));
                    }
                }
                translator.translate(ops.get(i));
            }
            String result = translator.name(y);
            if (result == null) {
                throw tree.untraced(List.of());
            }
            long[] outDims = y.getShape().slice(1).getShape();
            return graph.model(net.getClass().getSimpleName(), INPUT, new long[] {channels, size, size},
                    result, OUTPUT, outDims);
        }
    }
}
