package io.jclas.infer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.config.DeviceSpec;
import io.jclas.data.transform.Preprocessing;
import io.jclas.model.Checkpoints;
import io.jclas.model.LoadedModel;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link Classifier} that runs a zoo network on DJL's PyTorch engine, straight from a checkpoint
 * (no export). Thread-safe: the weights are shared read-only and every call runs in its own
 * sub-manager, so concurrent calls neither share nor leak tensors.
 */
public final class PytorchClassifier implements Classifier {
    public static final String ENGINE = "pytorch";

    private final String name;
    private final Network net;
    private final NDManager manager;
    private final List<String> labels;
    private final Preprocessing preprocess;

    /**
     * Wraps an initialised network.
     *
     * @param manager the manager that holds the network's weights; closed by {@link #close()}
     * @param labels class names by index; classes past its end are named {@code class_N}
     */
    public PytorchClassifier(String name, Network net, NDManager manager, List<String> labels,
            Preprocessing preprocess) {
        this.name = name;
        this.net = net;
        this.manager = manager;
        this.labels = List.copyOf(labels);
        this.preprocess = preprocess;
    }

    /**
     * Opens a checkpoint directory (model.npz + config.yaml + labels.txt, as training writes it).
     * The preprocessing is the checkpoint's eval preprocessing unless the options give one.
     */
    public static PytorchClassifier open(Path checkpointDir, ClassifierOptions options) {
        NDManager manager = NDManager.newBaseManager(device(options.device()));
        try {
            LoadedModel model = Checkpoints.loadNetwork(checkpointDir, manager);
            Preprocessing preprocess = options.preprocess() != null ? options.preprocess() : model.preprocess();
            return new PytorchClassifier(model.config().getString("Arch.name"), model.net(), manager, model.labels(),
                    preprocess);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The device a classifier option names ({@link DeviceSpec}); a GPU the engine does not see fails. */
    static Device device(String device) {
        DeviceSpec spec = DeviceSpec.single(device, "device");
        if (!spec.isGpu()) {
            return Device.cpu();
        }
        if (spec.gpu() >= Engine.getInstance().getGpuCount()) {
            throw new JclasException("device " + spec + " asked for, but the PyTorch engine sees "
                    + Engine.getInstance().getGpuCount() + " GPU(s)", "use device cpu (this build ships the CPU engine)");
        }
        return Device.gpu(spec.gpu());
    }

    @Override
    public List<Prediction> predict(BufferedImage image, int topk) {
        return predictBatch(List.of(image), topk).get(0);
    }

    @Override
    public List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk) {
        return predictTensor(preprocess.toBatch(images), images.size(), topk);
    }

    @Override
    public List<List<Prediction>> predictTensor(float[] batch, int n, int topk) {
        int side = preprocess.inputSize();
        // Grad mode is per thread in PyTorch and on by default in new threads: without this, calls
        // from a server's worker threads would record an autograd graph for nothing.
        JniUtils.setGradMode(false);
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(batch, new Shape(n, preprocess.channels(), side, side));
            NDArray logits = net.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
            int classes = (int) (logits.size() / n);
            return TopK.rows(logits.toFloatArray(), n, classes, topk, labels, false);
        }
    }

    @Override
    public ModelDescription describe() {
        return new ModelDescription(name, ENGINE, labels, preprocess, 0);
    }

    @Override
    public void close() {
        manager.close();
    }
}
