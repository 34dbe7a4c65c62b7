package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    static Config section(String yaml) {
        return Config.fromYaml(yaml);
    }

    @Test
    void readsRealFashionMnistTestSplit() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(Datasets.FASHION_MNIST_DIR)), "dataset-fashion-mnist not installed");
        Dataset d = Datasets.create(section("name: FashionMNIST\nmode: test\n"));
        assertEquals(10000, d.size());
        int[] histogram = new int[10];
        for (int i = 0; i < d.size(); i++) {
            histogram[d.label(i)]++;
        }
        int[] thousand = new int[10];
        java.util.Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, histogram);
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), d.classNames());
        Sample first = d.get(0);
        assertEquals(9, first.label(), "the first t10k item is an ankle boot");
        assertEquals(List.of(28, 28, 1), List.of(first.image().h(), first.image().w(), first.image().c()));
        float max = 0;
        for (float v : first.image().pixels()) {
            assertTrue(v >= 0 && v <= 255 && v == Math.rint(v));
            max = Math.max(max, v);
        }
        assertTrue(max > 200, "an ankle boot has bright pixels");
        assertEquals(25, Datasets.create(section("name: FashionMNIST\nmode: test\nsubset: 25\n")).size());
    }

    /** Writes raw (not gzipped) IDX files of n images of rows×cols with value i and label i % 10. */
    static void writeIdx(Path dir, String prefix, int n, int rows, int cols) throws IOException {
        Files.createDirectories(dir);
        try (DataOutputStream img = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")));
                DataOutputStream lab = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
            img.writeInt(0x803);
            img.writeInt(n);
            img.writeInt(rows);
            img.writeInt(cols);
            lab.writeInt(0x801);
            lab.writeInt(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < rows * cols; k++) {
                    img.writeByte(i);
                }
                lab.writeByte(i % 10);
            }
        }
    }

    @Test
    void readsRawIdxAndReportsBadFiles(@TempDir Path dir) throws IOException {
        writeIdx(dir, "train", 12, 3, 2);
        Dataset d = Datasets.create(section("name: MNIST\ndata_dir: " + dir + "\n"));
        assertEquals(12, d.size());
        assertEquals(1, d.get(11).label());
        assertArrayEquals(new float[] {11, 11, 11, 11, 11, 11}, d.get(11).image().pixels());
        assertEquals(3, d.get(0).image().h());
        JclasException missing = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: MNIST\nmode: test\ndata_dir: " + dir + "\n")));
        assertEquals("IDX file t10k-images-idx3-ubyte[.gz] not found in " + dir, missing.getMessage());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0});
        JclasException bad = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: MNIST\ndata_dir: " + dir + "\n")));
        assertTrue(bad.getMessage().contains("is not an IDX file"), bad.getMessage());
        JclasException noDir = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: FashionMNIST\ndata_dir: " + dir.resolve("nope") + "\n")));
        assertEquals("dataset directory not found: " + dir.resolve("nope"), noDir.getMessage());
        JclasException mode = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: MNIST\nmode: val\ndata_dir: " + dir + "\n")));
        assertEquals("mode is 'val', expected train or test", mode.getMessage());
        JclasException name = assertThrows(JclasException.class, () -> Datasets.create(section("name: FashionMnist\n")));
        assertEquals("unknown dataset 'FashionMnist' at name", name.getMessage());
        assertEquals("did you mean FashionMNIST?", name.getHint());
    }

    @Test
    void readsCifar10Binary(@TempDir Path dir) throws IOException {
        byte[] rec = new byte[2 * 3073];
        for (int r = 0; r < 2; r++) {
            rec[r * 3073] = (byte) (r + 3);
            for (int k = 0; k < 3072; k++) {
                rec[r * 3073 + 1 + k] = (byte) (k / 1024 * 100 + r); // planes R=0, G=100, B=200 (+ record)
            }
        }
        Files.write(dir.resolve("test_batch.bin"), rec);
        Dataset d = Datasets.create(section("name: CIFAR10\nmode: test\ndata_dir: " + dir + "\n"));
        assertEquals(2, d.size());
        assertEquals(4, d.get(1).label());
        Image img = d.get(1).image();
        assertEquals(List.of(32, 32, 3), List.of(img.h(), img.w(), img.c()));
        assertArrayEquals(new float[] {1, 101, 201}, new float[] {img.get(5, 7, 0), img.get(5, 7, 1), img.get(5, 7, 2)});
        assertEquals("cat", d.classNames().get(3));
        Files.write(dir.resolve("test_batch.bin"), new byte[100]);
        JclasException e = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: CIFAR10\nmode: test\ndata_dir: " + dir + "\n")));
        assertTrue(e.getMessage().contains("not a multiple of the 3073-byte CIFAR-10 record"), e.getMessage());
    }

    @Test
    void imageFolderSortsClasses(@TempDir Path dir) {
        TestImages.writePng(dir.resolve("zebra/b.png"), TestImages.rgb(4, 3, 0));
        TestImages.writePng(dir.resolve("zebra/a.png"), TestImages.rgb(4, 3, 1));
        TestImages.writePng(dir.resolve("ant/x.PNG"), TestImages.rgb(4, 3, 2));
        Dataset d = Datasets.create(section("name: ImageFolder\nimage_root: " + dir + "\n"));
        assertEquals(List.of("ant", "zebra"), d.classNames());
        assertEquals(3, d.size());
        assertEquals(List.of(0, 1, 1), List.of(d.label(0), d.label(1), d.label(2)));
        assertEquals(1, d.get(1).image().pixels()[0], "zebra/a.png comes first: red of (0,0) is seed 1");
        JclasException e = assertThrows(JclasException.class,
                () -> Datasets.create(section("name: ImageFolder\nimage_root: " + dir.resolve("ant") + "\n")));
        assertEquals("no class folders in " + dir.resolve("ant"), e.getMessage());
    }

    @Test
    void imageNetFileListWithLineNumbers(@TempDir Path dir) throws IOException {
        TestImages.writePng(dir.resolve("img/a.png"), TestImages.rgb(5, 5, 0));
        TestImages.writePng(dir.resolve("img/b c.png"), TestImages.rgb(5, 5, 9));
        Files.writeString(dir.resolve("list.txt"), "img/a.png 1\n\nimg/b c.png 0\n");
        Files.writeString(dir.resolve("map.txt"), "0 tench, Tinca tinca\n1 goldfish\n");
        String base = "name: ImageNetDataset\nimage_root: " + dir + "\ncls_label_path: " + dir.resolve("list.txt") + "\n";
        Dataset d = Datasets.create(section(base + "class_id_map_file: " + dir.resolve("map.txt") + "\n"));
        assertEquals(2, d.size());
        assertEquals(List.of("tench, Tinca tinca", "goldfish"), d.classNames());
        assertEquals(0, d.get(1).label());
        assertEquals(9, d.get(1).image().pixels()[0]);
        assertEquals(List.of("0", "1"), Datasets.create(section(base)).classNames());

        Files.writeString(dir.resolve("list.txt"), "img/a.png 1\nimg/b.png\n");
        JclasException bad = assertThrows(JclasException.class, () -> Datasets.create(section(base)));
        assertEquals(dir.resolve("list.txt") + " line 2: 'img/b.png' is not 'relative/path.jpg label'", bad.getMessage());
        Files.writeString(dir.resolve("list.txt"), "img/a.png 1\nimg/b.png 0\n");
        JclasException missing = assertThrows(JclasException.class, () -> Datasets.create(section(base)));
        assertEquals(dir.resolve("list.txt") + " line 2: image not found: " + dir.resolve("img/b.png"), missing.getMessage());
        Files.writeString(dir.resolve("list.txt"), "img/a.png 1\n");
        Files.writeString(dir.resolve("map.txt"), "0 tench\nfish 1\n");
        JclasException map = assertThrows(JclasException.class,
                () -> Datasets.create(section(base + "class_id_map_file: " + dir.resolve("map.txt") + "\n")));
        assertEquals(dir.resolve("map.txt") + " line 2: 'fish 1' is not 'id name' with a new id >= 0", map.getMessage());
        JclasException noList = assertThrows(JclasException.class, () -> Datasets.create(section(
                "name: ImageNetDataset\nimage_root: " + dir + "\ncls_label_path: " + dir.resolve("none.txt") + "\n")));
        assertEquals("cls_label_path file not found: " + dir.resolve("none.txt"), noList.getMessage());
    }
}
