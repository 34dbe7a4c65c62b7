package io.jclas.onnx;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.jclas.data.transform.Preprocessing;
import io.jclas.model.Checkpoints;
import io.jclas.model.InferenceFiles;
import io.jclas.model.InferenceYaml;
import io.jclas.model.Labels;
import io.jclas.model.LoadedModel;
import io.jclas.util.AtomicFiles;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an inference directory: {@code model.onnx} (BatchNorm folded), {@code inference.yml}
 * (model name and preprocessing) and {@code labels.txt}, each atomically. {@link
 * io.jclas.infer.Classifier#load} opens the result.
 */
public final class Exporter {
    private Exporter() {}

    /**
     * Exports a checkpoint directory written by training ({@code output/<Arch.name>/best_model}):
     * its weights, its eval preprocessing, its labels.
     */
    public static void exportCheckpoint(Path checkpointDir, Path outDir) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel model = Checkpoints.loadNetwork(checkpointDir, manager);
            export(model.net(), model.config().getString("Arch.name"), model.preprocess(), model.labels(), outDir);
        }
    }

    /**
     * Exports an initialised network.
     *
     * @param preprocess the eval preprocessing; its channels and crop fix the ONNX input shape
     * @param labels class names by index; classes past its end are written as {@code class_N}
     */
    public static void export(Network net, String modelName, Preprocessing preprocess, List<String> labels,
            Path outDir) {
        write(OnnxExporter.toModel(net, preprocess.channels(), preprocess.inputSize()), modelName, preprocess, labels,
                outDir);
    }

    /** Writes a finished graph (fp32 or quantized) with its inference.yml and labels.txt. */
    public static void write(ModelProto model, String modelName, Preprocessing preprocess, List<String> labels,
            Path outDir) {
        int classNum = (int) model.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue();
        AtomicFiles.write(outDir.resolve(InferenceFiles.MODEL), model::writeTo);
        InferenceYaml.write(outDir, modelName, preprocess, classNum);
        Labels.write(outDir, labels, classNum);
    }
}
