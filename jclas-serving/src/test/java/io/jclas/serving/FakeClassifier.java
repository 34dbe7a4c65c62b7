package io.jclas.serving;

import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.Classifier;
import io.jclas.infer.ModelDescription;
import io.jclas.infer.Prediction;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A deterministic classifier for tests: an image's class is the red value of its top-left pixel
 * modulo 10, so every answer names the image it came from. Records the size of every batch.
 */
public final class FakeClassifier implements Classifier {
    static final int CLASSES = 10;
    static final List<String> LABELS = IntStream.range(0, CLASSES).mapToObj(i -> "class" + i).toList();

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final AtomicInteger imagesStarted = new AtomicInteger();
    public volatile long delayMs;
    public volatile boolean fail;

    static int classOf(BufferedImage image) {
        return ((image.getRGB(0, 0) >> 16) & 0xFF) % CLASSES;
    }

    @Override
    public List<Prediction> predict(BufferedImage image, int topk) {
        return predictBatch(List.of(image), topk).get(0);
    }

    @Override
    public List<List<Prediction>> predictBatch(List<BufferedImage> images, int topk) {
        begin(images.size());
        return images.stream().map(image -> answer(classOf(image), topk)).toList();
    }

    /** The class of the red value at the tensor's top-left, un-normalised (the test images are one colour). */
    @Override
    public List<List<Prediction>> predictTensor(float[] tensor, int n, int topk) {
        begin(n);
        float[] mean = InputDefaults.IMAGENET.mean();
        float[] std = InputDefaults.IMAGENET.std();
        List<List<Prediction>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int red = Math.round((tensor[i * (tensor.length / n)] * std[0] + mean[0]) * 255);
            out.add(answer(red % CLASSES, topk));
        }
        return out;
    }

    /** Records the batch, then waits or fails as the test asked. */
    private void begin(int n) {
        batchSizes.add(n);
        imagesStarted.addAndGet(n);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fail) {
            throw new IllegalStateException("secret internal detail");
        }
    }

    private static List<Prediction> answer(int top, int topk) {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < Math.min(topk, CLASSES); i++) {
            int id = (top + i) % CLASSES;
            predictions.add(new Prediction(id, LABELS.get(id), 0.5f / (i + 1)));
        }
        return predictions;
    }

    @Override
    public ModelDescription describe() {
        return new ModelDescription("fake-net", "test", LABELS, Preprocessing.centerCrop(3, 36, 32, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()), 1);
    }

    @Override
    public void close() {}
}
