package io.jclas.data;

import io.jclas.JclasException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-format IDX files (Fashion-MNIST, MNIST): {@code train-images-idx3-ubyte[.gz]} /
 * {@code train-labels-idx1-ubyte[.gz]} for train, {@code t10k-*} for test. Held in memory as bytes
 * (47 MB for the 60000 training images); images are 1-channel 28×28.
 */
public final class IdxDataset implements Dataset {
    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    private final List<String> classNames;

    private IdxDataset(byte[] pixels, byte[] labels, int rows, int cols, List<String> classNames) {
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.classNames = classNames;
    }

    /** Reads the train or test split from {@code dir}. */
    public static IdxDataset load(Path dir, boolean train, List<String> classNames) {
        if (!Files.isDirectory(dir)) {
            throw new JclasException("dataset directory not found: " + dir,
                    "set DataLoader.*.dataset.data_dir to the folder of the IDX files (e.g. apt install dataset-fashion-mnist)");
        }
        String prefix = train ? "train" : "t10k";
        Path imageFile = find(dir, prefix + "-images-idx3-ubyte");
        Path labelFile = find(dir, prefix + "-labels-idx1-ubyte");
        ByteBuffer images = ByteBuffer.wrap(read(imageFile));
        ByteBuffer labels = ByteBuffer.wrap(read(labelFile));
        header(images, 0x803, imageFile);
        int n = images.getInt();
        int rows = images.getInt();
        int cols = images.getInt();
        header(labels, 0x801, labelFile);
        int nl = labels.getInt();
        if (n != nl) {
            throw new JclasException(imageFile + " has " + n + " images but " + labelFile + " has " + nl + " labels",
                    "use matching image and label files");
        }
        if (images.remaining() < (long) n * rows * cols || labels.remaining() < n) {
            throw new JclasException("IDX file in " + dir + " is shorter than its header says", "the file is truncated; download it again");
        }
        byte[] px = new byte[n * rows * cols];
        images.get(px);
        byte[] lb = new byte[n];
        labels.get(lb);
        for (int i = 0; i < n; i++) {
            if ((lb[i] & 0xff) >= classNames.size()) {
                throw new JclasException(labelFile + ": label " + (lb[i] & 0xff) + " of item " + i + " is not below "
                        + classNames.size(), "the file is not an MNIST-style label file");
            }
        }
        return new IdxDataset(px, lb, rows, cols, classNames);
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base, base.replace('-', '.') + ".gz", base.replace('-', '.')}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new JclasException("IDX file " + base + "[.gz] not found in " + dir,
                "set data_dir to the folder holding " + base + ".gz");
    }

    private static byte[] read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new JclasException("cannot read " + file + ": " + e.getMessage(), "the file is damaged; download it again", e);
        }
    }

    private static void header(ByteBuffer b, int magic, Path file) {
        if (b.remaining() < 8 || b.getInt() != magic) {
            throw new JclasException(file + " is not an IDX file (magic " + Integer.toHexString(magic) + " expected)",
                    "point data_dir at the original MNIST-format files");
        }
        b.position(4);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Sample get(int i) {
        int n = rows * cols;
        float[] px = new float[n];
        for (int k = 0; k < n; k++) {
            px[k] = pixels[i * n + k] & 0xff;
        }
        return new Sample(new Image(px, rows, cols, 1), labels[i] & 0xff);
    }

    @Override
    public int label(int i) {
        return labels[i] & 0xff;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
