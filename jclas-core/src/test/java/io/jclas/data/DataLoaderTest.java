package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.Transforms;
import io.jclas.data.transform.Preprocessing;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
    /** 50 8×8 RGB images, label i % 5 (or 0 for i >= 10 when imbalanced). */
    static Dataset synthetic(boolean imbalanced) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] px = new float[8 * 8 * 3];
            for (int k = 0; k < px.length; k++) {
                px[k] = (k * 7 + i * 13) % 256;
            }
            samples.add(new Sample(new Image(px, 8, 8, 3), imbalanced && i >= 10 ? 0 : i % 5));
        }
        return Datasets.of(samples, List.of("a", "b", "c", "d", "e"));
    }

    static final String TRAIN_OPS = "- RandCropImage: {size: 6}\n- RandFlipImage: {flip_code: 1}\n- AutoAugment:\n"
            + "- NormalizeImage: {scale: 1.0/255.0, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5]}\n"
            + "- RandomErasing: {EPSILON: 0.5}\n";

    static DataLoader loader(Dataset d, int workers, int epoch, String sampler, boolean mixup) {
        Transforms t = Transforms.fromConfig(Config.fromYaml("ops:\n" + TRAIN_OPS).getList("ops"));
        List<io.jclas.data.transform.BatchOp> batchOps = mixup
                ? Transforms.batchOpsFromConfig(Config.fromYaml("ops:\n- MixupOperator: {alpha: 0.2}\n").getList("ops"))
                : List.of();
        return DataLoader.of(d, t, batchOps, new Sampler(sampler, 8, true, false), 5, 42, epoch, workers);
    }

    static List<Batch> all(DataLoader l) {
        List<Batch> out = new ArrayList<>();
        try (l) {
            l.forEach(out::add);
        }
        return out;
    }

    @Test
    void sameBatchesWhateverTheWorkerCount() {
        Dataset d = synthetic(false);
        List<Batch> one = all(loader(d, 1, 3, "DistributedBatchSampler", true));
        List<Batch> three = all(loader(d, 3, 3, "DistributedBatchSampler", true));
        List<Batch> inline = all(loader(d, 0, 3, "DistributedBatchSampler", true));
        assertEquals(7, one.size()); // 50 / 8 rounded up
        assertEquals(one.size(), three.size());
        for (int b = 0; b < one.size(); b++) {
            assertArrayEquals(one.get(b).images(), three.get(b).images(), "batch " + b);
            assertArrayEquals(one.get(b).labels(), three.get(b).labels());
            assertArrayEquals(one.get(b).softTargets(), three.get(b).softTargets());
            assertArrayEquals(one.get(b).images(), inline.get(b).images());
        }
        Batch first = one.get(0);
        assertEquals(List.of(8, 3, 6, 6), List.of(first.n(), first.c(), first.h(), first.w()));
        assertEquals(2, one.get(6).n(), "last partial batch kept");
        assertEquals(5, first.classNum());
        for (int i = 0; i < first.n(); i++) {
            float sum = 0;
            for (int k = 0; k < 5; k++) {
                sum += first.softTargets()[i * 5 + k];
            }
            assertEquals(1f, sum, 1e-5f);
        }
        List<Batch> otherEpoch = all(loader(d, 2, 4, "DistributedBatchSampler", true));
        assertFalse(Arrays.equals(one.get(0).labels(), otherEpoch.get(0).labels())
                && Arrays.equals(one.get(0).images(), otherEpoch.get(0).images()), "epochs differ");
    }

    @Test
    void shuffleVisitsEverySampleOnceAndDropLastDrops() {
        Dataset d = synthetic(false);
        List<int[]> batches = new Sampler("DistributedBatchSampler", 8, true, true).batches(d, 1, 0);
        assertEquals(6, batches.size());
        List<Integer> seen = new ArrayList<>();
        batches.forEach(b -> Arrays.stream(b).forEach(seen::add));
        assertEquals(48, seen.stream().distinct().count());
        List<int[]> ordered = new Sampler("BatchSampler", 20, false, false).batches(d, 1, 0);
        assertArrayEquals(new int[] {40, 41, 42, 43, 44, 45, 46, 47, 48, 49}, ordered.get(2));
    }

    @Test
    void classBalancedSamplerEvensOutClasses() {
        Dataset d = synthetic(true); // class 0 has 42 of 50 samples
        int[] counts = new int[5];
        for (int epoch = 0; epoch < 40; epoch++) {
            for (int[] b : new Sampler("ClassBalancedSampler", 10, false, false).batches(d, 9, epoch)) {
                for (int i : b) {
                    counts[d.label(i)]++;
                }
            }
        }
        for (int c : counts) {
            assertEquals(400, c, 80, Arrays.toString(counts));
        }
        JclasException e = assertThrows(JclasException.class, () -> new Sampler("ClassBalanced", 4, false, false));
        assertEquals("did you mean ClassBalancedSampler?", e.getHint());
    }

    @Test
    void createsFromConfigAndReportsSpeed() {
        Config c = Config.fromYaml(String.join("\n",
                "dataset:",
                "  name: FashionMNIST",
                "  mode: test",
                "  subset: 64",
                "  transform_ops:",
                "    - DecodeImage: {channels: 1}",
                "    - NormalizeImage: {scale: 1.0/255.0, mean: [0.5], std: [0.5]}",
                "sampler: {name: DistributedBatchSampler, batch_size: 16, shuffle: False, drop_last: False}",
                "loader: {num_workers: 2}", ""));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(Path.of(Datasets.FASHION_MNIST_DIR)), "no Fashion-MNIST");
        try (DataLoader l = DataLoader.create(c, 10, 1, 0)) {
            assertEquals(4, l.size());
            int n = 0;
            for (Batch b : l) {
                assertEquals(List.of(16, 1, 28, 28), List.of(b.n(), b.c(), b.h(), b.w()));
                assertNull(b.softTargets());
                n += b.n();
            }
            assertEquals(64, n);
            assertTrue(l.imagesPerSecond() > 0);
            // the first test image (ankle boot, label 9): pixel 0 is black -> (0 - 0.5) / 0.5
            Batch b = l.iterator().next();
            assertEquals(9, b.labels()[0]);
            assertEquals(-1f, b.images()[0], 0f);
        }
        JclasException bad = assertThrows(JclasException.class, () -> DataLoader.create(c, 5, 1, 0).load(0));
        assertTrue(bad.getMessage().endsWith("but Arch.class_num is 5"), bad.getMessage());
    }

    @Test
    void evalLoaderTensorEqualsPreprocessingTensor(@TempDir Path dir) throws Exception {
        Path png = TestImages.writePng(dir.resolve("cls/one.png"), TestImages.rgb(37, 29, 3));
        Config cfg = Config.fromYaml(String.join("\n",
                "Global: {image_shape: [3, 16, 16]}",
                "DataLoader:",
                "  Eval:",
                "    dataset:",
                "      name: ImageFolder",
                "      image_root: " + dir,
                "      transform_ops:",
                "        - DecodeImage: {to_rgb: True, channel_first: False}",
                "        - ResizeImage: {resize_short: 18}",
                "        - CropImage: {size: 16}",
                "        - NormalizeImage: {scale: 1.0/255.0, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}",
                "    sampler: {name: DistributedBatchSampler, batch_size: 4, shuffle: False}",
                ""));
        Batch batch;
        try (DataLoader l = DataLoader.create(cfg.section("DataLoader.Eval"), 1, 0, 0)) {
            batch = l.iterator().next();
        }
        Preprocessing spec = Preprocessing.fromConfig(cfg);
        assertEquals(Preprocessing.centerCrop(3, 18, 16, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()), spec);
        float[] tensor = spec.toTensor(ImageIO.read(png.toFile()));
        assertEquals(3 * 16 * 16, tensor.length);
        assertArrayEquals(batch.images(), tensor, 0f);
        // golden: 37x29 -> short side 18: w = round(37 * 18/29) = round(22.97) = 23, crop offset (23-16)//2 = 3
        float[] manual = new io.jclas.data.transform.Transforms(List.of(
                new io.jclas.data.transform.DecodeImage(true, false, 3),
                io.jclas.data.transform.ResizeImage.toSize(23, 18),
                new io.jclas.data.transform.CropImage(16, 16),
                new io.jclas.data.transform.NormalizeImage(1f / 255f, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std())))
                .apply(io.jclas.data.ImageDecoding.readImage(png), null).toChw();
        assertArrayEquals(manual, tensor, 0f);
        assertNotNull(spec.transformOps());
    }
}
