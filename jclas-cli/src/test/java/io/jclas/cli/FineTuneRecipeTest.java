package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.pretrained.paddle.PaddleClasScript;
import io.jclas.serving.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fine-tuning recipe runs: {@code configs/FineTune/ResNet50_vd_flowers.yaml} on a small
 * ImageFolder, from a PaddleClas-format {@code .pdparams} (written as paddle.save writes it, from
 * PaddleClas's sources), its 1000-class classifier re-created for 3 classes, the backbone at
 * {@code backbone_mult}; then eval of the result. The model is swapped for MobileNetV3_small_x0_35
 * (MobileNetV3's PaddleClas naming, a 224x224 forward in milliseconds) to keep the test short.
 */
class FineTuneRecipeTest {
    private static final Path RECIPE = Path.of(System.getProperty("jclas.home", ".."),
            "configs/FineTune/ResNet50_vd_flowers.yaml");
    private static final String ARCH = "MobileNetV3_small_x0_35";

    @TempDir
    Path dir;

    @Test
    void fineTunesFromAPaddleClasFileOnAnImageFolder() throws Exception {
        PaddleClasScript.assumeAvailable(true);
        Path weights = PaddleClasScript.write(ARCH, dir.resolve(ARCH + "_pretrained.pdparams"));
        Path images = dir.resolve("images");
        for (String c : List.of("daisy", "roses", "tulips")) {
            Path folder = Files.createDirectories(images.resolve(c));
            for (int i = 0; i < 2; i++) {
                Files.write(folder.resolve(i + ".png"), TestImages.png(c.length() * 10 + i, 48, 40, true));
            }
        }
        List<String> overrides = List.of("Arch.name=" + ARCH, "Arch.class_num=3", "Global.pretrained_model=" + weights,
                "Global.epochs=1", "Global.device=cpu", "Global.output_dir=" + dir.resolve("output"),
                "DataLoader.Train.dataset.image_root=" + images, "DataLoader.Eval.dataset.image_root=" + images,
                "DataLoader.Train.sampler.batch_size=3", "DataLoader.Eval.sampler.batch_size=3",
                "DataLoader.Train.loader.num_workers=0", "DataLoader.Eval.loader.num_workers=0");
        Run train = Run.of(args("train", overrides));
        String log = train.out() + train.err();
        assertEquals(0, train.code(), log);
        assertTrue(log.contains("imported " + weights.getFileName() + " (PaddlePaddle .pdparams): filled "), log);
        assertTrue(log.contains("classifier re-created for another class_num (kept initial): skipped fc.weight, fc.bias"),
                log);
        Path best = dir.resolve("output/" + ARCH + "/best_model");
        assertTrue(Files.isRegularFile(best.resolve("model.npz")), log);
        assertTrue(Files.readString(best.resolve("config.yaml")).contains("backbone_mult: 0.1"));

        Run eval = Run.of("eval", "--model", best.toString(), "--threads", "1",
                "-o", "DataLoader.Eval.dataset.image_root=" + images);
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("top1"), eval.out());
    }

    private static String[] args(String command, List<String> overrides) {
        List<String> all = new java.util.ArrayList<>(List.of(command, "-c", RECIPE.toString(), "--threads", "1"));
        overrides.forEach(o -> {
            all.add("-o");
            all.add(o);
        });
        return all.toArray(String[]::new);
    }
}
