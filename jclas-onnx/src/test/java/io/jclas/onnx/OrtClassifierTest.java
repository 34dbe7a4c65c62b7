package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.jclas.JclasException;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.infer.Prediction;
import io.jclas.infer.PytorchClassifier;
import io.jclas.model.InferenceFiles;
import io.jclas.zoo.Network;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX Runtime classifier against the PyTorch one on the same weights, and its loading rules. */
class OrtClassifierTest {
    private static final Preprocessing SPEC = Preprocessing.centerCrop(3, 36, 32, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());
    private static final List<String> LABELS = List.of("t-shirt", "trouser", "pullover", "dress", "coat");

    @TempDir
    Path tmp;

    private NDManager manager;
    private Network net;
    private Path exported;

    @BeforeEach
    void export() {
        manager = NDManager.newBaseManager();
        net = TestNets.everyOp(3, 10);
        TestNets.randomize(net, manager, 3, 32, 3);
        exported = tmp.resolve("inference");
        Exporter.export(net, "EveryOp", SPEC, LABELS, exported);
    }

    @AfterEach
    void release() {
        manager.close();
    }

    @Test
    void exportWritesTheThreeFiles() throws Exception {
        assertTrue(Files.size(exported.resolve("model.onnx")) > 1000);
        List<String> labels = Files.readAllLines(exported.resolve("labels.txt"));
        assertEquals(10, labels.size());
        assertEquals("coat", labels.get(4));
        assertEquals("class_5", labels.get(5));
        io.jclas.model.InferenceYaml inf = InferenceFiles.readInferenceYaml(exported);
        assertEquals("EveryOp", inf.modelName());
        assertArrayEquals(new int[] {3, 32, 32}, inf.preprocess().inputShape());
        assertEquals(SPEC.transformOps(), inf.preprocess().transformOps());
        assertEquals(SPEC, inf.preprocess());
    }

    /** Golden test: same weights, same images: same top-1, scores within 1e-4. */
    @Test
    void onnxRuntimeAgreesWithPytorch() {
        List<BufferedImage> images = images(4, 7);
        try (Classifier ort = Classifier.load(exported);
                PytorchClassifier torch = new PytorchClassifier("EveryOp", net, manager.newSubManager(), LABELS, SPEC)) {
            assertEquals(OrtClassifier.ENGINE, ort.describe().engine());
            assertEquals("EveryOp", ort.describe().name());
            List<List<Prediction>> a = ort.predictBatch(images, 3);
            List<List<Prediction>> b = torch.predictBatch(images, 3);
            for (int i = 0; i < images.size(); i++) {
                assertEquals(b.get(i).get(0).classId(), a.get(i).get(0).classId(), "top-1 of image " + i);
                assertEquals(b.get(i).get(0).label(), a.get(i).get(0).label());
                for (int k = 0; k < 3; k++) {
                    assertEquals(b.get(i).get(k).score(), a.get(i).get(k).score(), 1e-4, "score " + k + " of image " + i);
                }
            }
            // one image alone gives what it gave inside the batch
            assertEquals(a.get(2), ort.predict(images.get(2), 3));
        }
    }

    @Test
    void concurrentCallsGiveTheSameAnswers() throws Exception {
        List<BufferedImage> images = images(8, 11);
        try (Classifier ort = Classifier.load(exported, ClassifierOptions.defaults().withThreads(1))) {
            List<List<Prediction>> expected = new ArrayList<>();
            for (BufferedImage img : images) {
                expected.add(ort.predict(img, 2));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Prediction>>> got = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (BufferedImage img : images) {
                        got.add(pool.submit(() -> ort.predict(img, 2)));
                    }
                }
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(expected.get(i % images.size()), got.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void foreignModelNeedsPreprocessOption() throws Exception {
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.copy(exported.resolve("model.onnx"), foreign.resolve("model.onnx"));
        JclasException e = assertThrows(JclasException.class, () -> Classifier.load(foreign));
        assertTrue(e.getMessage().contains("inference.yml"), e.getMessage());
        assertTrue(e.getHint().contains("withPreprocess"), e.getHint());
        try (Classifier c = Classifier.load(foreign, ClassifierOptions.defaults().withPreprocess(SPEC));
                Classifier ours = Classifier.load(exported)) {
            BufferedImage img = images(1, 5).get(0);
            List<Prediction> p = c.predict(img, 10);
            assertEquals(10, p.size());
            assertEquals("class_" + p.get(0).classId(), p.get(0).label());
            assertEquals(ours.predict(img, 1).get(0).score(), p.get(0).score(), 1e-6);
            double sum = p.stream().mapToDouble(Prediction::score).sum();
            assertEquals(1.0, sum, 1e-4);
        }
    }

    /** The hand-written inference.yml of docs/deploy.md (foreign models), at this test's sizes. */
    @Test
    void handWrittenInferenceYamlOpensAForeignModel() throws Exception {
        Path foreign = tmp.resolve("handwritten");
        Files.createDirectories(foreign);
        Files.copy(exported.resolve("model.onnx"), foreign.resolve("model.onnx"));
        Files.writeString(foreign.resolve("inference.yml"), String.join("\n",
                "Global:",
                "  model_name: resnet18",
                "  class_num: 10",
                "  input_shape: [3, 32, 32]",
                "PreProcess:",
                "  transform_ops:",
                "    - DecodeImage: {to_rgb: true, channel_first: false}",
                "    - ResizeImage: {resize_short: 36}",
                "    - CropImage: {size: 32}",
                "    - NormalizeImage: {scale: 0.00392156862745098, mean: [0.485, 0.456, 0.406], "
                        + "std: [0.229, 0.224, 0.225], order: ''}",
                "    - ToCHWImage:",
                ""));
        try (Classifier c = Classifier.load(foreign); Classifier ours = Classifier.load(exported)) {
            assertEquals("resnet18", c.describe().name());
            assertEquals(SPEC, c.describe().preprocess());
            BufferedImage img = images(1, 13).get(0);
            // same ids and scores; labels are class_N here, as the folder has no labels.txt
            List<Prediction> expected = ours.predict(img, 3);
            List<Prediction> got = c.predict(img, 3);
            for (int k = 0; k < 3; k++) {
                assertEquals(expected.get(k).classId(), got.get(k).classId());
                assertEquals(expected.get(k).score(), got.get(k).score());
                assertEquals("class_" + got.get(k).classId(), got.get(k).label());
            }
        }
    }

    /** A foreign model that ends in a softmax gives its probabilities as they are, not softmaxed twice. */
    @Test
    void foreignSoftmaxIsNotAppliedTwice() throws Exception {
        ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(exported.resolve("model.onnx"))).toBuilder()
                .setProducerName("pytorch");
        var graph = model.getGraphBuilder();
        var last = graph.getNodeBuilder(graph.getNodeCount() - 1);
        assertEquals("logits", last.getOutput(0));
        last.setOutput(0, "scores_before_softmax");
        graph.addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Softmax")
                .addInput("scores_before_softmax").addOutput("logits")
                .addAttribute(OnnxGraph.attr("axis", 1L)));
        Path foreign = tmp.resolve("softmaxed");
        Files.createDirectories(foreign);
        Files.write(foreign.resolve("model.onnx"), model.build().toByteArray());
        BufferedImage img = images(1, 17).get(0);
        try (Classifier c = Classifier.load(foreign, ClassifierOptions.defaults().withPreprocess(SPEC));
                Classifier ours = Classifier.load(exported)) {
            List<Prediction> expected = ours.predict(img, 3);
            List<Prediction> got = c.predict(img, 3);
            for (int k = 0; k < 3; k++) {
                assertEquals(expected.get(k).classId(), got.get(k).classId());
                assertEquals(expected.get(k).score(), got.get(k).score(), 1e-6);
            }
        }
    }

    /** torchvision-style exports often fix the batch at 1: batches then run image by image. */
    @Test
    void staticBatchOneModelStillTakesBatches() throws Exception {
        ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(exported.resolve("model.onnx"))).toBuilder();
        model.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .getDimBuilder(0).setDimValue(1);
        model.getGraphBuilder().getOutputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .getDimBuilder(0).setDimValue(1);
        Path fixed = tmp.resolve("fixed");
        Files.createDirectories(fixed);
        Files.write(fixed.resolve("model.onnx"), model.build().toByteArray());
        List<BufferedImage> images = images(3, 9);
        try (Classifier c = Classifier.load(fixed, ClassifierOptions.defaults().withPreprocess(SPEC));
                Classifier ours = Classifier.load(exported)) {
            List<List<Prediction>> got = c.predictBatch(images, 2);
            List<List<Prediction>> expected = ours.predictBatch(images, 2);
            for (int i = 0; i < images.size(); i++) {
                assertEquals(expected.get(i).get(0).classId(), got.get(i).get(0).classId());
                assertEquals(expected.get(i).get(0).score(), got.get(i).get(0).score(), 1e-5);
            }
        }
    }

    @Test
    void mismatchedPreprocessIsRefused() {
        Preprocessing gray = Preprocessing.centerCrop(1, 28, 28, new float[] {0.5f}, new float[] {0.5f});
        JclasException e = assertThrows(JclasException.class,
                () -> Classifier.load(exported, ClassifierOptions.defaults().withPreprocess(gray)));
        assertTrue(e.getMessage().contains("[N, 1, 28, 28]"), e.getMessage());
    }

    @Test
    void gpuWithoutCudaFailsClearly() {
        JclasException e = assertThrows(JclasException.class,
                () -> Classifier.load(exported, ClassifierOptions.defaults().withDevice("gpu")));
        assertTrue(e.getMessage().contains("CUDA"), e.getMessage());
    }

    @Test
    void missingModelIsAUserError() {
        JclasException e = assertThrows(JclasException.class,
                () -> OrtClassifier.open(tmp, ClassifierOptions.defaults()));
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
    }

    static List<BufferedImage> images(int n, long seed) {
        Random r = new Random(seed);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(48 + 4 * i, 40, BufferedImage.TYPE_INT_RGB);
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
