package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.pretrained.TorchvisionReference;
import io.jclas.pretrained.TorchvisionReference.Case;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning end to end: a torchvision-made ResNet18 file as Global.pretrained_model, 1 epoch on a
 * small ImageFolder of 3 classes (the classifier re-created for class_num 3), then eval and export
 * of the fine-tuned checkpoint.
 */
class FineTuneFromTorchvisionTest {
    private static final Case RESNET18 = TorchvisionReference.CASES.get(0);
    /** The class folders in the order ImageFolder numbers them (sorted), and the colour channel of each. */
    private static final List<String> CLASSES = List.of("blue", "green", "red");
    private static final int[] CHANNEL = {2, 1, 0};

    @TempDir
    Path dir;

    @Test
    void fineTunesEvaluatesAndExports() throws Exception {
        TorchvisionReference.generate(dir, List.of(RESNET18));
        Path images = imageFolder(dir.resolve("images"), 6);
        Path config = dir.resolve("finetune.yaml");
        Files.writeString(config, config(images, TorchvisionReference.file(dir, RESNET18)));

        Run train = Run.of("train", "-c", config.toString(), "--threads", "1");
        assertEquals(0, train.code(), train.err());
        String log = train.out() + train.err();
        assertTrue(log.contains("imported resnet18.pth (PyTorch zip): filled 105 of 107 parameters"), log);
        assertTrue(log.contains("classifier re-created for another class_num (kept initial): skipped fc.weight, fc.bias"),
                log);
        Path best = dir.resolve("output/ResNet18/best_model");
        assertTrue(Files.isRegularFile(best.resolve("model.npz")), log);
        assertEquals(CLASSES, Files.readAllLines(best.resolve("labels.txt")));

        Run eval = Run.of("eval", "--model", best.toString(), "--threads", "1");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("top1"), eval.out());

        Path inference = dir.resolve("inference");
        Run export = Run.of("export", "--model", best.toString(), "--out", inference.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.isRegularFile(inference.resolve("model.onnx")));
        assertEquals(CLASSES, Files.readAllLines(inference.resolve("labels.txt")));
    }

    /** {@code perClass} noisy 40x40 images per class, each class dominated by its colour. */
    private static Path imageFolder(Path root, int perClass) throws Exception {
        Random random = new Random(16);
        for (int c = 0; c < CLASSES.size(); c++) {
            Path classDir = Files.createDirectories(root.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 40; y++) {
                    for (int x = 0; x < 40; x++) {
                        int[] rgb = {random.nextInt(80), random.nextInt(80), random.nextInt(80)};
                        rgb[CHANNEL[c]] += 160;
                        img.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
                    }
                }
                ImageIO.write(img, "png", classDir.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    private String config(Path images, Path weights) {
        String ops = String.join("\n",
                "      transform_ops:",
                "        - DecodeImage: {to_rgb: true, channel_first: false}",
                "        - ResizeImage: {size: 32}",
                "        - NormalizeImage: {scale: 1.0/255.0, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}",
                "        - ToCHWImage:");
        return String.join("\n",
                "Global:",
                "  output_dir: " + dir.resolve("output"),
                "  pretrained_model: " + weights,
                "  image_shape: [3, 32, 32]",
                "  epochs: 1",
                "  seed: 7",
                "  eval_during_train: true",
                "Arch: {name: ResNet18, class_num: 3}",
                "Loss: {Train: [{CELoss: {weight: 1.0}}], Eval: [{CELoss: {weight: 1.0}}]}",
                "Optimizer: {name: Momentum, momentum: 0.9, lr: {name: Cosine, learning_rate: 0.01}}",
                "DataLoader:",
                "  Train:",
                "    dataset:",
                "      name: ImageFolder",
                "      image_root: " + images,
                ops,
                "    sampler: {name: DistributedBatchSampler, batch_size: 6, shuffle: true, drop_last: false}",
                "  Eval:",
                "    dataset:",
                "      name: ImageFolder",
                "      image_root: " + images,
                ops,
                "    sampler: {name: DistributedBatchSampler, batch_size: 6, shuffle: false}",
                "");
    }
}
