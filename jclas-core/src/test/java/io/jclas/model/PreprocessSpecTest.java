package io.jclas.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessSpecTest {
    @Test
    void readsInferTransformsFirst() {
        Config c = Config.fromYaml(String.join("\n",
                "Infer:",
                "  transforms:",
                "    - DecodeImage: {to_rgb: True, channel_first: False}",
                "    - ResizeImage: {resize_short: 256}",
                "    - CropImage: {size: 224}",
                "    - NormalizeImage: {scale: 0.00392157, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}",
                "    - ToCHWImage:",
                "DataLoader: {Eval: {dataset: {transform_ops: [{ResizeImage: {size: 32}}]}}}", ""));
        PreprocessSpec s = PreprocessSpec.fromConfig(c);
        assertEquals(new PreprocessSpec(3, 256, 0, 224, 0.00392157f, PreprocessSpec.IMAGENET_MEAN, PreprocessSpec.IMAGENET_STD), s);
        assertEquals(PreprocessSpec.imagenet(224).resizeShort(), s.resizeShort());
        c.remove("Infer");
        PreprocessSpec eval = PreprocessSpec.fromConfig(c);
        assertEquals(32, eval.resize());
        assertEquals(32, eval.inputSize());
        assertArrayEquals(new float[] {1f}, eval.std(), "no NormalizeImage: identity");
    }

    @Test
    void grayscaleFromImageShape() {
        Config c = Config.fromYaml("Global: {image_shape: [1, 28, 28]}\n"
                + "DataLoader: {Eval: {dataset: {transform_ops: [{NormalizeImage: {mean: [0.5], std: [0.5]}}, {ResizeImage: {size: 28}}]}}}\n");
        PreprocessSpec s = PreprocessSpec.fromConfig(c);
        assertEquals(1, s.channels());
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF);
        float[] t = s.toTensor(rgb);
        assertEquals(28 * 28, t.length);
        assertEquals(1f, t[0], 1e-6f); // white -> 255 -> (1 - 0.5) / 0.5
        assertEquals(-1f, t[1], 1e-6f);
    }

    @Test
    void randomOpsAreRefusedForInference() {
        Config c = Config.fromYaml("Infer: {transforms: [{RandCropImage: {size: 224}}]}\n");
        JclasException e = assertThrows(JclasException.class, () -> PreprocessSpec.fromConfig(c));
        assertEquals("Infer.transforms: RandCropImage cannot be part of inference preprocessing", e.getMessage());
        JclasException none = assertThrows(JclasException.class, () -> PreprocessSpec.fromConfig(Config.fromYaml("Global: {}\n")));
        assertEquals("config has no preprocessing (Infer.transforms or DataLoader.Eval.dataset.transform_ops)", none.getMessage());
    }

    @Test
    void inferenceYamlRoundTrips(@TempDir Path dir) throws Exception {
        PreprocessSpec spec = PreprocessSpec.imagenet(224);
        Path f = InferenceYaml.write(dir, "ResNet50_vd", spec, 1000);
        assertEquals(dir.resolve("inference.yml"), f);
        String text = Files.readString(f);
        assertEquals(true, text.contains("resize_short: 256"), text);
        assertEquals(true, text.contains("- 0.485"), text);
        InferenceYaml y = InferenceYaml.read(f);
        assertEquals(new InferenceYaml("ResNet50_vd", 1000, new int[] {3, 224, 224}, "RGB", spec), y);
        assertEquals(spec, y.preprocess());
        PreprocessSpec gray = new PreprocessSpec(1, 0, 28, 0, 1f / 255f, new float[] {0.5f}, new float[] {0.5f});
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
