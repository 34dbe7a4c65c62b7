package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jclas.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → export → predict through the CLI, on a few Fashion-MNIST images. */
class EndToEndTest {
    private static final Path CONFIG = Path.of("..", "configs", "FashionMNIST", "ShuffleNetV2_x0_5.yaml");

    @TempDir
    Path dir;

    @Test
    void trainsExportsAndPredicts() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "dataset-fashion-mnist missing");
        assumeTrue(Files.isRegularFile(CONFIG), "configs not found");
        Run train = Run.of("train", "-c", CONFIG.toString(), "--threads", "1",
                "-o", "Arch.name=ShuffleNetV2_x0_25", "-o", "Global.epochs=1", "-o", "Global.output_dir=" + dir,
                "-o", "DataLoader.Train.dataset.subset=64", "-o", "DataLoader.Eval.dataset.subset=32",
                "-o", "DataLoader.Train.sampler.batch_size=32");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("\nepoch 1/1  loss "), train.out());
        assertTrue(train.out().contains("\neval epoch 1  top1 "), train.out());
        Path best = dir.resolve("ShuffleNetV2_x0_25/best_model");
        assertTrue(Files.isRegularFile(best.resolve("model.npz")), train.out());

        Path inference = dir.resolve("inference");
        Run export = Run.of("export", "--model", best.toString(), "--out", inference.toString());
        assertEquals(0, export.code(), export.err());
        for (String f : List.of("model.onnx", "inference.yml", "labels.txt")) {
            assertTrue(Files.isRegularFile(inference.resolve(f)), f);
        }

        List<Path> images = SampleImages.write(Config.fromYaml("name: FashionMNIST\nmode: test\n"), 2, dir.resolve("s"));
        Run predict = Run.of("predict", "--model", inference.toString(), "-o", "Infer.infer_imgs=" + dir.resolve("s"),
                "--topk", "3", "--json");
        assertEquals(0, predict.code(), predict.err());
        JsonNode json = new ObjectMapper().readTree(predict.out());
        assertEquals(images.size(), json.size());
        List<String> labels = Files.readAllLines(inference.resolve("labels.txt"));
        for (JsonNode image : json) {
            JsonNode top = image.get("topk");
            assertEquals(3, top.size());
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double score = top.get(k).get("score").asDouble();
                sum += score;
                assertTrue(k == 0 || score <= top.get(k - 1).get("score").asDouble(), image.toString());
                assertEquals(labels.get(top.get(k).get("class_id").asInt()), top.get(k).get("label").asText());
            }
            assertTrue(sum > 0 && sum <= 1.0001, image.toString());
        }
    }
}
