package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.jclas.config.Config;
import io.jclas.data.Batch;
import io.jclas.data.DataLoader;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import io.jclas.model.InferenceYaml;
import io.jclas.model.Weights;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One image, four ways into the model: the Eval loader of the training config, the exported
 * inference.yml, the ONNX Runtime classifier of the export and the PyTorch classifier of the
 * checkpoint. All four give the same input tensor, bit for bit; the ONNX classifier fed the Eval
 * loader's tensor answers exactly as fed the image.
 */
class SamePixelsEverywhereTest {
    private static final String OPS = String.join("\n",
            "    - DecodeImage: {to_rgb: true, channel_first: false}",
            "    - ResizeImage: {resize_short: 18}",
            "    - CropImage: {size: 16}",
            "    - NormalizeImage: {scale: 1.0/255.0, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}",
            "");

    @Test
    void evalLoaderExportAndBothClassifiersFeedTheSameTensor(@TempDir Path tmp) throws Exception {
        BufferedImage image = noise(37, 29);
        Files.createDirectories(tmp.resolve("data/cls"));
        ImageIO.write(image, "png", tmp.resolve("data/cls/one.png").toFile());
        // PaddleClas's shape: the Eval list without ToCHWImage, Infer's with it
        Config config = Config.fromYaml(String.join("\n",
                "Global: {image_shape: [3, 16, 16]}",
                "Arch: {name: MobileNetV1_x0_25, class_num: 10, small_input: true}",
                "DataLoader:",
                "  Eval:",
                "    dataset:",
                "      name: ImageFolder",
                "      image_root: " + tmp.resolve("data"),
                "      transform_ops:",
                OPS.replace("    - ", "        - ")
                        + "    sampler: {name: DistributedBatchSampler, batch_size: 1, shuffle: false}",
                "Infer:",
                "  transforms:",
                OPS + "    - ToCHWImage:",
                ""));
        Preprocessing.requireEvalAgrees(config);
        float[] evalLoader;
        try (DataLoader loader = DataLoader.create(config.section("DataLoader.Eval"),
                Preprocessing.fromConfig(config).transforms(), 10, 0, 0)) {
            Batch batch = loader.iterator().next();
            evalLoader = batch.images();
        }
        Path checkpoint = writeCheckpoint(tmp.resolve("best_model"), config);
        Path exported = tmp.resolve("inference");
        Exporter.exportCheckpoint(checkpoint, exported);
        BufferedImage decoded = ImageIO.read(tmp.resolve("data/cls/one.png").toFile());
        float[] inferenceYaml = InferenceYaml.read(exported.resolve("inference.yml")).preprocess().toTensor(decoded);
        try (Classifier ort = Classifier.load(exported); Classifier torch = Classifier.load(checkpoint)) {
            assertEquals(3 * 16 * 16, evalLoader.length);
            assertArrayEquals(evalLoader, inferenceYaml, 0f);
            assertArrayEquals(evalLoader, ort.describe().preprocess().toTensor(decoded), 0f);
            assertArrayEquals(evalLoader, torch.describe().preprocess().toTensor(decoded), 0f);
            List<Prediction> fromImage = ort.predict(decoded, 3);
            List<Prediction> fromEvalTensor = ((OrtClassifier) ort).predictTensor(evalLoader, 1, 3).get(0);
            assertEquals(fromEvalTensor, fromImage);
            assertEquals(fromImage.get(0).classId(), torch.predict(decoded, 1).get(0).classId());
        }
    }

    private static Path writeCheckpoint(Path dir, Config config) throws Exception {
        Files.createDirectories(dir);
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = Models.create("MobileNetV1_x0_25", ModelOptions.defaults().withClassNum(10)
                    .withInputSize(16).withSmallInput(true));
            TestNets.randomize(net, m, 3, 16, 7);
            Weights.save(net, dir.resolve(Weights.FILE_NAME));
        }
        config.save(dir.resolve("config.yaml"));
        Files.writeString(dir.resolve("labels.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        return dir;
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return img;
    }
}
