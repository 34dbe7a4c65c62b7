package io.jclas.infer;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One inference API for every runtime. Thread-safe: one shared session, safe to call from many
 * threads; every native tensor is closed inside each call.
 *
 * <pre>{@code
 * try (Classifier c = Classifier.load(Path.of("output/inference"))) {
 *     List<Prediction> top5 = c.predict(Path.of("shoe.png"), 5);
 * }
 * }</pre>
 */
public interface Classifier extends AutoCloseable {

    /** Loads an inference directory (ONNX Runtime) or a checkpoint (PyTorch engine) with defaults. */
    static Classifier load(Path dir) {
        return load(dir, ClassifierOptions.defaults());
    }

    /** Loads with options; the first provider that accepts the directory opens it. */
    static Classifier load(Path dir, ClassifierOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new JclasException("model directory not found: " + dir,
                    "pass the folder written by `jclas export` or a checkpoint folder such as output/<Arch>/best_model");
        }
        for (ClassifierProvider p : ServiceLoader.load(ClassifierProvider.class)) {
            if (p.accepts(dir, options)) {
                return p.open(dir, options);
            }
        }
        throw new JclasException("no runtime can load " + dir + " (engine " + options.engine() + ")",
                "an inference directory holds model.onnx + inference.yml; a checkpoint holds model.npz + config.yaml");
    }

    /** Top-k for one decoded image. */
    List<Prediction> predict(BufferedImage image, int topk);

    /** Top-k for each image of a batch, run as one forward. */
    List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk);

    /**
     * Top-k for each image of a batch preprocessed already by {@code describe().preprocess()}: {@code
     * n} images, NCHW, one after the other. A server preprocesses on its request threads and runs the
     * forward on its batching thread with this.
     */
    List<List<Prediction>> predictTensor(float[] tensor, int n, int topk);

    /** Top-k for an encoded image (PNG, JPEG, BMP, GIF). */
    default List<Prediction> predict(byte[] encoded, int topk) {
        return predict(ImageDecoding.decode(encoded), topk);
    }

    /** Top-k for an image file. */
    default List<Prediction> predict(Path file, int topk) {
        return predict(ImageDecoding.read(file), topk);
    }

    /** What this classifier is: name, labels, input shape, preprocessing, engine. */
    ModelDescription describe();

    @Override
    void close();
}
