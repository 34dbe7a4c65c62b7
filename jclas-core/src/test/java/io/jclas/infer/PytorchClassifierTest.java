package io.jclas.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.jclas.JclasException;
import io.jclas.data.transform.Preprocessing;
import io.jclas.layers.Act;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.GlobalAvgPool;
import io.jclas.layers.Sequential;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Network;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytorchClassifierTest {
    private static final Preprocessing SPEC = Preprocessing.centerCrop(3, 20, 16, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());

    @TempDir
    Path tmp;

    private static PytorchClassifier tiny() {
        Sequential features = new Sequential()
                .add(ConvBnAct.builder(3, 8, 3).optStride(2).optAct(Act.RELU).build())
                .add(ConvBnAct.builder(8, 8, 3).depthwise().optAct(Act.HARD_SWISH).build());
        Sequential head = new Sequential().add(new GlobalAvgPool(false)).add(new Fc(8, 4));
        Network net = new Network(features, 8, head, ModelOptions.defaults().withClassNum(4));
        NDManager manager = NDManager.newBaseManager();
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 16, 16));
        return new PytorchClassifier("tiny", net, manager, List.of("a", "b"), SPEC);
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        List<BufferedImage> images = images(6);
        try (PytorchClassifier c = tiny()) {
            List<List<Prediction>> expected = c.predictBatch(images, 4);
            assertEquals(6, expected.size());
            assertEquals(4, expected.get(0).size());
            assertEquals(1.0, expected.get(0).stream().mapToDouble(Prediction::score).sum(), 1e-5);
            for (Prediction p : expected.get(0)) {
                assertEquals(p.classId() < 2 ? List.of("a", "b").get(p.classId()) : "class_" + p.classId(), p.label());
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<List<Prediction>>> got = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (BufferedImage img : images) {
                        got.add(pool.submit(() -> c.predict(img, 4)));
                    }
                }
                for (int i = 0; i < got.size(); i++) {
                    List<Prediction> e = expected.get(i % images.size());
                    List<Prediction> g = got.get(i).get();
                    for (int k = 0; k < 4; k++) {
                        assertEquals(e.get(k).classId(), g.get(k).classId());
                        assertEquals(e.get(k).score(), g.get(k).score(), 1e-5);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void gpuWithoutGpuAndNonCheckpointsFailClearly() {
        JclasException gpu = assertThrows(JclasException.class,
                () -> PytorchClassifier.open(tmp, ClassifierOptions.defaults().withDevice("gpu")));
        assertTrue(gpu.getMessage().contains("GPU"), gpu.getMessage());
        JclasException notCheckpoint = assertThrows(JclasException.class,
                () -> Classifier.load(tmp, ClassifierOptions.defaults().withEngine("pytorch")));
        assertTrue(notCheckpoint.getMessage().contains("model.npz"), notCheckpoint.getMessage());
    }

    private static List<BufferedImage> images(int n) {
        Random r = new Random(3);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(30, 24 + i, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, r.nextInt(0x1000000));
                }
            }
            out.add(img);
        }
        return out;
    }
}
