package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.Prediction;
import io.jclas.infer.PytorchClassifier;
import io.jclas.model.InferenceYaml;
import io.jclas.model.Weights;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test on a checkpoint directory as training writes it: the exported ONNX model on ONNX
 * Runtime and the checkpoint itself on PyTorch give the same top-1 and scores within 1e-4.
 */
class CheckpointExportTest {
    private static final String CONFIG = String.join("\n",
            "Global:",
            "  image_shape: [1, 28, 28]",
            "Arch:",
            "  name: MobileNetV1_x0_25",
            "  class_num: 10",
            "  small_input: true",
            "Infer:",
            "  transforms:",
            "    - DecodeImage: {to_rgb: true, channel_first: false, channels: 1}",
            "    - ResizeImage: {size: 28}",
            "    - NormalizeImage: {scale: 0.00392156862745098, mean: [0.5], std: [0.5], order: ''}",
            "    - ToCHWImage:",
            "");
    private static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @TempDir
    Path tmp;

    /** A checkpoint directory as training writes it: random MobileNetV1_x0_25 weights, 1x28x28 input, 10 labels. */
    static Path writeCheckpoint(Path root) throws Exception {
        Path checkpoint = root.resolve("output/MobileNetV1_x0_25/best_model");
        Files.createDirectories(checkpoint);
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = Models.create("MobileNetV1_x0_25", ModelOptions.defaults().withClassNum(10)
                    .withInputChannels(1).withInputSize(28).withSmallInput(true));
            TestNets.randomize(net, m, 1, 28, 5);
            Weights.save(net, checkpoint.resolve(Weights.FILE_NAME));
        }
        Files.writeString(checkpoint.resolve("config.yaml"), CONFIG);
        Files.writeString(checkpoint.resolve("labels.txt"), String.join("\n", LABELS) + "\n");
        return checkpoint;
    }

    @Test
    void exportedModelAgreesWithCheckpointOnPytorch() throws Exception {
        Path checkpoint = writeCheckpoint(tmp);
        Path out = tmp.resolve("inference");
        Exporter.exportCheckpoint(checkpoint, out);
        InferenceYaml yaml = InferenceYaml.read(out.resolve("inference.yml"));
        assertEquals("MobileNetV1_x0_25", yaml.modelName());
        assertEquals(10, yaml.classNum());
        assertEquals(LABELS, Files.readAllLines(out.resolve("labels.txt")));

        List<BufferedImage> images = OrtClassifierTest.images(4, 21);
        try (Classifier ort = Classifier.load(out);
                Classifier torch = Classifier.load(checkpoint)) {
            assertEquals(OrtClassifier.ENGINE, ort.describe().engine());
            assertEquals(PytorchClassifier.ENGINE, torch.describe().engine());
            assertEquals(ort.describe().preprocess(), torch.describe().preprocess());
            List<List<Prediction>> a = ort.predictBatch(images, 5);
            List<List<Prediction>> b = torch.predictBatch(images, 5);
            for (int i = 0; i < images.size(); i++) {
                assertEquals(b.get(i).get(0).classId(), a.get(i).get(0).classId(), "top-1 of image " + i);
                assertEquals(LABELS.get(a.get(i).get(0).classId()), a.get(i).get(0).label());
                for (int k = 0; k < 5; k++) {
                    assertEquals(b.get(i).get(k).score(), a.get(i).get(k).score(), 1e-4, "score " + k + " of image " + i);
                }
            }
        }
        try (Classifier forced = Classifier.load(checkpoint, ClassifierOptions.defaults().withEngine("pytorch"))) {
            assertTrue(forced instanceof PytorchClassifier);
        }
    }
}
