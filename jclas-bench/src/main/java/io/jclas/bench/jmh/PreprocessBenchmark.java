package io.jclas.bench.jmh;

import io.jclas.data.transform.Preprocessing;
import io.jclas.zoo.Models;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ImageNet eval preprocessing of one decoded photo-sized image (500x375 RGB): ResNet50's registry
 * defaults (resize the short side to 256, center-crop 224, normalise, CHW), through the same ops as the
 * Eval loader (in one pass, FusedPreprocessing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PreprocessBenchmark {
    private final Preprocessing preprocess = Preprocessing.defaults(Models.info("ResNet50"));
    private BufferedImage image;

    @Setup(Level.Trial)
    public void setUp() {
        image = new BufferedImage(500, 375, BufferedImage.TYPE_3BYTE_BGR); // what ImageIO decodes a JPEG into
        Random random = new Random(0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
    }

    @Benchmark
    public float[] toTensor() {
        return preprocess.toTensor(image);
    }
}
