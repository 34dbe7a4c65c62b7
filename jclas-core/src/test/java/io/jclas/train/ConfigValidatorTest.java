package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
    /** A PaddleClas-shaped config with jclas's additions; every section present. */
    static final String FULL = String.join("\n",
            "Global:",
            "  checkpoints: null",
            "  pretrained_model: null",
            "  output_dir: ./output/",
            "  device: cpu",
            "  save_interval: 1",
            "  eval_during_train: True",
            "  eval_interval: 1",
            "  epochs: 2",
            "  print_batch_step: 10",
            "  use_visualdl: False",
            "  image_shape: [1, 28, 28]",
            "  save_inference_dir: ./inference",
            "  seed: 42",
            "Arch:",
            "  name: MobileNetV3_small_x0_35",
            "  class_num: 10",
            "  small_input: True",
            "  freeze_backbone: False",
            "Loss:",
            "  Train:",
            "    - CELoss:",
            "        weight: 1.0",
            "        epsilon: 0.1",
            "        class_weight: [1, 1, 1, 1, 1, 1, 2, 1, 1, 1]",
            "  Eval:",
            "    - CELoss:",
            "        weight: 1.0",
            "Optimizer:",
            "  name: Momentum",
            "  momentum: 0.9",
            "  lr:",
            "    name: Cosine",
            "    learning_rate: 0.1",
            "    warmup_epoch: 1",
            "  regularizer:",
            "    name: 'L2'",
            "    coeff: 0.00004",
            "EMA:",
            "  decay: 0.9999",
            "Distillation:",
            "  teacher: ResNet18",
            "  temperature: 4.0",
            "  alpha: 0.5",
            "DataLoader:",
            "  Train:",
            "    dataset:",
            "      name: FashionMNIST",
            "      mode: train",
            "      subset: 100",
            "      transform_ops:",
            "        - DecodeImage:",
            "            channels: 1",
            "        - RandFlipImage:",
            "            flip_code: 1",
            "        - NormalizeImage:",
            "            scale: 1.0/255.0",
            "            mean: [0.5]",
            "            std: [0.5]",
            "            order: ''",
            "      batch_transform_ops:",
            "        - MixupOperator:",
            "            alpha: 0.2",
            "    sampler:",
            "      name: DistributedBatchSampler",
            "      batch_size: 32",
            "      drop_last: False",
            "      shuffle: True",
            "    loader:",
            "      num_workers: 2",
            "      use_shared_memory: True",
            "Metric:",
            "  Train:",
            "    - TopkAcc:",
            "        topk: [1, 5]",
            "  Eval:",
            "    - TopkAcc:",
            "        topk: [1, 5]",
            "Infer:",
            "  batch_size: 10",
            "  transforms:",
            "    - DecodeImage:",
            "        channels: 1",
            "    - ResizeImage:",
            "        resize_short: 28",
            "    - CropImage:",
            "        size: 28",
            "    - NormalizeImage:",
            "        scale: 1.0/255.0",
            "        mean: [0.5]",
            "        std: [0.5]",
            "    - ToCHWImage:",
            "  PostProcess:",
            "    name: Topk",
            "    topk: 5",
            "");

    private static JclasException fails(String override) {
        Config c = Config.fromYaml(FULL).override(override);
        return assertThrows(JclasException.class, () -> ConfigValidator.validate(c));
    }

    @Test
    void fullConfigIsValid() {
        ConfigValidator.validate(Config.fromYaml(FULL));
        ConfigValidator.checkFiles(Config.fromYaml(FULL));
    }

    @Test
    void unknownSectionNamesClosest() {
        Config c = Config.fromYaml("Golbal:\n  epochs: 1\n");
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c));
        assertEquals("unknown config section Golbal", e.getMessage());
        assertEquals("did you mean Global?", e.getHint());
    }

    @Test
    void unknownKeyNamesClosestKnownKey() {
        JclasException e = fails("Global.epoch=3");
        assertEquals("unknown config key Global.epoch", e.getMessage());
        assertEquals("did you mean Global.epochs?", e.getHint());
        JclasException s = fails("DataLoader.Train.sampler.batchsize=3");
        assertEquals("unknown config key DataLoader.Train.sampler.batchsize", s.getMessage());
        assertEquals("did you mean DataLoader.Train.sampler.batch_size?", s.getHint());
        JclasException far = fails("Arch.zzzzzzzzzzzz=1");
        assertTrue(far.getHint().startsWith("closest known key: Arch."), far.getHint());
    }

    @Test
    void wrongTypesNameKeyAndExpectedForm() {
        JclasException e = fails("Global.epochs=ten");
        assertEquals("config key Global.epochs is 'ten', expected an integer", e.getMessage());
        assertEquals("fix it in the YAML or with -o Global.epochs=...", e.getHint());
        assertEquals("config key Global.image_shape is '28', expected a list of integers such as [1,5]",
                fails("Global.image_shape=28").getMessage());
        assertEquals("config key Arch.small_input is 'yes please', expected true or false",
                fails("Arch.small_input=yes please").getMessage());
        assertEquals("config key EMA.decay is 'high', expected a number", fails("EMA.decay=high").getMessage());
        assertEquals("config key Loss.Train.0.CELoss.epsilon is 'x', expected a number",
                fails("Loss.Train.0.CELoss.epsilon=x").getMessage());
        assertEquals("config key Optimizer.lr is '0.1', expected a mapping of keys", fails("Optimizer.lr=0.1").getMessage());
    }

    @Test
    void classWeightIsAutoOrAList() {
        ConfigValidator.validate(Config.fromYaml(FULL.replace("class_weight: [1, 1, 1, 1, 1, 1, 2, 1, 1, 1]", "class_weight: auto")));
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(
                Config.fromYaml(FULL.replace("class_weight: [1, 1, 1, 1, 1, 1, 2, 1, 1, 1]", "class_weight: often"))));
        assertEquals("config key Loss.Train.0.CELoss.class_weight is 'often', expected auto or a list of numbers, one per class",
                e.getMessage());
    }

    @Test
    void unknownLossAndOpsNameClosest() {
        Config c = Config.fromYaml(FULL.replace("    - CELoss:\n        weight: 1.0\n        epsilon", "    - CELos:\n        weight: 1.0\n        epsilon"));
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c));
        assertEquals("unknown entry CELos in Loss.Train", e.getMessage());
        assertEquals("did you mean CELoss?", e.getHint());

        Config ops = Config.fromYaml(FULL.replace("RandFlipImage", "RandFlip"));
        JclasException o = assertThrows(JclasException.class, () -> ConfigValidator.validate(ops));
        assertEquals("DataLoader.Train.dataset.transform_ops: unknown op 'RandFlip' in transform_ops", o.getMessage());
        assertEquals("did you mean RandFlipImage?", o.getHint());

        JclasException s = fails("Infer.transforms.1.ResizeImage.resize_shor=3");
        assertEquals("Infer.transforms: unknown setting 'resize_shor' of ResizeImage", s.getMessage());
        assertEquals("did you mean resize_short?", s.getHint());

        JclasException b = fails("DataLoader.Train.dataset.batch_transform_ops.0.MixupOperator.alpha=-1");
        assertEquals("DataLoader.Train.dataset.batch_transform_ops: MixupOperator.alpha is '-1.0', expected a positive number",
                b.getMessage());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws Exception {
        Config c = Config.fromYaml(FULL).override("DataLoader.Eval.dataset.name=ImageNetDataset")
                .override("DataLoader.Eval.dataset.image_root=" + dir)
                .override("DataLoader.Eval.dataset.cls_label_path=" + dir.resolve("val_list.txt"));
        ConfigValidator.validate(c);
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.checkFiles(c));
        assertEquals("config key DataLoader.Eval.dataset.cls_label_path names a missing file: " + dir.resolve("val_list.txt"),
                e.getMessage());
        assertEquals("set DataLoader.Eval.dataset.cls_label_path to the path of an existing file", e.getHint());
        Files.writeString(dir.resolve("val_list.txt"), "a.png 0\n");
        ConfigValidator.checkFiles(c);
        Config d = Config.fromYaml(FULL).override("DataLoader.Train.dataset.data_dir=" + dir.resolve("nope"));
        JclasException de = assertThrows(JclasException.class, () -> ConfigValidator.checkFiles(d));
        assertEquals("config key DataLoader.Train.dataset.data_dir names a missing folder: " + dir.resolve("nope"),
                de.getMessage());
    }
}
