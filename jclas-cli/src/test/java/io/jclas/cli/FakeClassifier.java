package io.jclas.cli;

import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.ClassifierProvider;
import io.jclas.infer.ModelDescription;
import io.jclas.infer.Prediction;
import io.jclas.data.transform.Preprocessing;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A classifier for CLI tests, opened for directories holding {@code fake.model}: class = the image's
 * width modulo 3, with scores 0.7, 0.2, 0.1 down the classes.
 */
final class FakeClassifier implements Classifier {
    private static final Preprocessing PREPROCESS =
            Preprocessing.centerCrop(3, 36, 32, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());
    static final List<String> LABELS = List.of("zero", "one", "two");

    /** {@code parent}/model: a directory the fake opens. */
    static Path modelDir(Path parent) throws IOException {
        Path m = Files.createDirectories(parent.resolve("model"));
        Files.createFile(m.resolve("fake.model"));
        return m;
    }

    /** A grey PNG of {@code width} x 4 pixels: the fake's best class is width mod 3. */
    static Path image(Path file, int width) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, 4, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }

    /** Found through the ServiceLoader file of the test resources. */
    public static final class Provider implements ClassifierProvider {
        @Override
        public boolean accepts(Path dir, ClassifierOptions options) {
            return Files.exists(dir.resolve("fake.model"));
        }

        @Override
        public Classifier open(Path dir, ClassifierOptions options) {
            return new FakeClassifier();
        }
    }

    @Override
    public List<Prediction> predict(BufferedImage image, int topk) {
        return answer(image.getWidth() % 3, topk);
    }

    private static List<Prediction> answer(int first, int topk) {
        float[] scores = {0.7f, 0.2f, 0.1f};
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < Math.min(topk, 3); i++) {
            int c = (first + i) % 3;
            out.add(new Prediction(c, LABELS.get(c), scores[i]));
        }
        return out;
    }

    @Override
    public List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk) {
        List<List<Prediction>> out = new ArrayList<>();
        images.forEach(i -> out.add(predict(i, topk)));
        return out;
    }

    /** A preprocessed image has lost its width: class 0 for each. */
    @Override
    public List<List<Prediction>> predictTensor(float[] tensor, int n, int topk) {
        return java.util.Collections.nCopies(n, answer(0, topk));
    }

    @Override
    public ModelDescription describe() {
        return new ModelDescription("Fake", "fake", LABELS, PREPROCESS, 1);
    }

    @Override
    public void close() {}
}
