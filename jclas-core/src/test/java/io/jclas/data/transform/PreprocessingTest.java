package io.jclas.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.model.InferenceYaml;
import io.jclas.zoo.ModelInfo.InputDefaults;
import io.jclas.zoo.Models;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
    private static final String IMAGENET_OPS = String.join("\n",
            "    - DecodeImage: {to_rgb: True, channel_first: False}",
            "    - ResizeImage: {resize_short: 256}",
            "    - CropImage: {size: 224}",
            "    - NormalizeImage: {scale: 1.0/255.0, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}",
            "");
    private static final Preprocessing IMAGENET_224 =
            Preprocessing.centerCrop(3, 256, 224, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());

    @Test
    void inferTransformsAreTheModelsPreprocessingThenTheEvalOps() {
        Config c = Config.fromYaml("Infer:\n  transforms:\n" + IMAGENET_OPS + "    - ToCHWImage:\n"
                + "DataLoader: {Eval: {dataset: {transform_ops: [{ResizeImage: {size: 32}}]}}}\n");
        assertEquals(IMAGENET_224, Preprocessing.fromConfig(c));
        c.remove("Infer");
        Preprocessing eval = Preprocessing.fromConfig(c);
        assertArrayEquals(new int[] {3, 32, 32}, eval.inputShape());
        assertEquals(List.of("DecodeImage", "ResizeImage", "ToCHWImage"),
                eval.ops().stream().map(op -> op.getClass().getSimpleName()).toList(), "no NormalizeImage: none added");
    }

    /** PaddleClas's Eval lists end without ToCHWImage: that alone is no disagreement with Infer. */
    @Test
    void evalOpsMustBeInfersWhereARunEvaluates() {
        String eval = "DataLoader:\n  Eval:\n    dataset:\n      transform_ops:\n"
                + IMAGENET_OPS.replace("    - ", "        - ");
        Config same = Config.fromYaml("Infer:\n  transforms:\n" + IMAGENET_OPS + "    - ToCHWImage:\n" + eval);
        Preprocessing.requireEvalAgrees(same);
        Config other = Config.fromYaml("Infer:\n  transforms:\n" + IMAGENET_OPS.replace("256", "288") + eval);
        JclasException e = assertThrows(JclasException.class, () -> Preprocessing.requireEvalAgrees(other));
        assertTrue(e.getMessage().startsWith("DataLoader.Eval.dataset.transform_ops [{DecodeImage="), e.getMessage());
        assertTrue(e.getMessage().endsWith(": the model would be evaluated on other pixels than it is deployed with"));
        assertEquals("give both lists the same ops, or drop DataLoader.Eval.dataset.transform_ops (the Eval loader then "
                + "runs Infer.transforms)", e.getHint());
    }

    @Test
    void zooDefaultsComeFromTheRegistry() {
        assertEquals(IMAGENET_224, Preprocessing.defaults(Models.info("ResNet50_vd")));
        Preprocessing darknet = Preprocessing.defaults(Models.info("DarkNet53"));
        assertArrayEquals(new int[] {3, 256, 256}, darknet.inputShape());
        assertEquals(Map.of("resize_short", 292), ((Map<?, ?>) darknet.transformOps().get(1)).get("ResizeImage"));
    }

    @Test
    void opsRunInTheirOrderAndTheShapeFillsWhatTheyLeaveOpen() {
        Config c = Config.fromYaml("Global: {image_shape: [1, 28, 28]}\n"
                + "DataLoader: {Eval: {dataset: {transform_ops: [{NormalizeImage: {mean: [0.5], std: [0.5]}}]}}}\n");
        Preprocessing p = Preprocessing.fromConfig(c);
        assertArrayEquals(new int[] {1, 28, 28}, p.inputShape());
        assertEquals("GRAY", p.channelOrder());
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF);
        float[] t = p.toTensor(rgb);
        assertEquals(28 * 28, t.length);
        assertEquals(1f, t[0], 1e-6f); // white -> 255 -> (1 - 0.5) / 0.5
        assertEquals(-1f, t[1], 1e-6f);
        JclasException e = assertThrows(JclasException.class, () -> p.toTensor(new BufferedImage(30, 28, 1)));
        assertEquals("an image of 30x28 is 30x28 after preprocessing, but the model takes 28x28", e.getMessage());
    }

    @Test
    void onlyDeterministicOpsInTheirPlaces() {
        JclasException random = assertThrows(JclasException.class, () -> Preprocessing.fromConfig(
                Config.fromYaml("Infer: {transforms: [{RandCropImage: {size: 224}}]}\n")));
        assertEquals("Infer.transforms: RandCropImage cannot be part of inference preprocessing", random.getMessage());
        JclasException late = assertThrows(JclasException.class, () -> Preprocessing.fromConfig(
                Config.fromYaml("Infer: {transforms: [{CropImage: {size: 8}}, {DecodeImage: {channels: 1}}]}\n")));
        assertEquals("Infer.transforms: DecodeImage in the middle of the ops", late.getMessage());
        JclasException open = assertThrows(JclasException.class, () -> Preprocessing.fromConfig(
                Config.fromYaml("Infer: {transforms: [{ResizeImage: {resize_short: 8}}]}\n")));
        assertEquals("Infer.transforms sets no input size", open.getMessage());
        JclasException none = assertThrows(JclasException.class, () -> Preprocessing.fromConfig(Config.fromYaml("Global: {}\n")));
        assertEquals("config has no preprocessing (Infer.transforms or DataLoader.Eval.dataset.transform_ops)",
                none.getMessage());
    }

    @Test
    void inferenceYamlRoundTrips(@TempDir Path dir) throws Exception {
        Path f = InferenceYaml.write(dir, "ResNet50_vd", IMAGENET_224, 1000);
        assertEquals(dir.resolve("inference.yml"), f);
        String text = Files.readString(f);
        assertTrue(text.contains("resize_short: 256"), text);
        assertTrue(text.contains("- 0.485"), text);
        InferenceYaml y = InferenceYaml.read(f);
        assertEquals(new InferenceYaml("ResNet50_vd", 1000, new int[] {3, 224, 224}, "RGB", IMAGENET_224), y);
        Preprocessing gray = Preprocessing.centerCrop(1, 32, 28, new float[] {0.5f}, new float[] {0.5f});
        InferenceYaml g = InferenceYaml.read(InferenceYaml.write(dir, "MobileNetV3_small_x0_35", gray, 10));
        assertEquals("GRAY", g.channelOrder());
        assertArrayEquals(new int[] {1, 28, 28}, g.inputShape());
        assertEquals(gray, g.preprocess());
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
        JclasException e = assertThrows(JclasException.class, () -> InferenceYaml.read(dir.resolve("x.yml")));
        assertEquals("inference config not found: " + dir.resolve("x.yml"), e.getMessage());
    }
}
