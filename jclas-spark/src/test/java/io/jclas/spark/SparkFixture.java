package io.jclas.spark;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.jclas.data.Dataset;
import io.jclas.data.Datasets;
import io.jclas.data.IdxDataset;
import io.jclas.data.Image;
import io.jclas.data.transform.Preprocessing;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.Sequential;
import io.jclas.onnx.Exporter;
import io.jclas.zoo.ModelInfo.InputDefaults;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Network;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark tests share, made once per test JVM: a local[2] session, an inference directory
 * exported from a small network, and an ImageFolder of real images (the first Fashion-MNIST test
 * images written as PNG files, plus RGB photos as JPEG files).
 */
final class SparkFixture {
    static final int FASHION_IMAGES = 2000;
    static final int PHOTOS = 12;
    static final List<String> CLASSES = IdxDataset.FASHION_MNIST_CLASSES;

    private static Path root;
    private static SparkSession spark;

    private SparkFixture() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.start("local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** model/ (inference directory) and images/ (ImageFolder: one folder per class). */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("jclas-spark-test-");
                exportModel(dir.resolve("model"));
                writeImages(dir.resolve("images"));
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path model() {
        return root().resolve("model");
    }

    static Path images() {
        return root().resolve("images");
    }

    /**
     * Two stride-2 convolutions and an FC over every position on 3x32x32 inputs, DJL's random
     * initialisation: small enough to export in a second; no global pooling, so that the class
     * depends on where things are in the image and the predictions spread over the classes.
     */
    private static void exportModel(Path dir) {
        Sequential features = new Sequential()
                .add("stem", ConvBnAct.builder(3, 8, 3).optStride(2).optAct(Act.RELU).build())
                .add("conv", ConvBnAct.builder(8, 8, 3).optStride(2).optAct(Act.NONE).build());
        Sequential head = new Sequential()
                .add("flatten", new Flatten())
                .add("fc", new Fc(8 * 8 * 8, CLASSES.size()));
        Network net = new Network(features, 8, head, ModelOptions.defaults().withClassNum(CLASSES.size()));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Exporter.export(net, "SparkTestNet",
                    Preprocessing.centerCrop(3, 36, 32, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()), CLASSES, dir);
        }
    }

    private static void writeImages(Path dir) throws IOException {
        Dataset fashion = Datasets.subset(IdxDataset.load(Path.of(Datasets.FASHION_MNIST_DIR), false, CLASSES), FASHION_IMAGES);
        for (int i = 0; i < fashion.size(); i++) {
            Image img = fashion.get(i).image();
            write(gray(img), dir.resolve(folder(fashion.label(i))).resolve(String.format("fm_%05d.png", i)), "png");
        }
        for (int i = 0; i < PHOTOS; i++) {
            write(photo(64 + 8 * i, 48 + 4 * i, i), dir.resolve(folder(i % CLASSES.size())).resolve("photo_" + i + ".jpg"), "jpg");
        }
    }

    /** "0_T-shirt-top", ...: sorted by name in class id order, as ImageFolder numbers them. */
    private static String folder(int classId) {
        return classId + "_" + CLASSES.get(classId).replace('/', '-');
    }

    private static BufferedImage gray(Image img) {
        BufferedImage out = new BufferedImage(img.w(), img.h(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < img.h(); y++) {
            for (int x = 0; x < img.w(); x++) {
                out.getRaster().setSample(x, y, 0, Math.round(img.get(y, x, 0)));
            }
        }
        return out;
    }

    /** An RGB picture with smooth colour gradients and a bright disc: JPEG-compressed like a photo. */
    static BufferedImage photo(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = x - w / 2 - seed;
                int dy = y - h / 3;
                boolean disc = dx * dx + dy * dy < (w * w) / 16;
                int r = disc ? 240 : (x * 255 / w + seed * 20) & 0xff;
                int g = disc ? 220 : y * 255 / h;
                int b = ((x + y) * 4 + seed * 40) & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static void write(BufferedImage img, Path file, String format) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
    }
}
