package io.jclas.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        return assertThrows(JclasException.class, () -> ConfigValidator.validate(c, ConfigValidator.Use.KEYS));
    }

    @Test
    void fullConfigIsValidAndItsUnusedPaddleClasKeysAreReported() {
        List<String> ignored = ConfigValidator.validate(Config.fromYaml(FULL), ConfigValidator.Use.TRAIN);
        assertEquals(List.of("Global.print_batch_step", "Global.use_visualdl", "DataLoader.Train.loader.use_shared_memory"),
                ignored);
        assertEquals("ignoring PaddleClas settings that jclas does not use: Global.print_batch_step, "
                + "Global.use_visualdl, DataLoader.Train.loader.use_shared_memory", ConfigValidator.warning(ignored));
        assertNull(ConfigValidator.warning(List.of()));
    }

    /** Where a run evaluates, DataLoader.Eval must feed the pixels that Infer.transforms deploys with. */
    @Test
    void anEvalListOtherThanInfersFailsWhereTheRunEvaluates() {
        Config c = Config.fromYaml(FULL).set("DataLoader.Eval.dataset.transform_ops",
                List.of(java.util.Map.of("ResizeImage", java.util.Map.of("size", 32))));
        assertEquals(List.of(), ConfigValidator.validate(c, ConfigValidator.Use.PREDICT).stream()
                .filter(k -> !k.startsWith("Global.") && !k.startsWith("DataLoader.Train")).toList());
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c, ConfigValidator.Use.TRAIN));
        assertTrue(e.getMessage().startsWith("DataLoader.Eval.dataset.transform_ops [{DecodeImage="), e.getMessage());
        assertTrue(e.getMessage().contains(" differs from Infer.transforms "), e.getMessage());
    }

    @Test
    void theReportedTypoFailsInsteadOfTrainingAtTheDefault() {
        JclasException e = fails("Optimizer.lr.learnig_rate=0.01");
        assertEquals("unknown config key Optimizer.lr.learnig_rate", e.getMessage());
        assertEquals("did you mean Optimizer.lr.learning_rate?", e.getHint());
    }

    @Test
    void valuesOutOfRangeNameTheKeyAndTheRange() {
        assertEquals("config key Global.epochs is '0', expected an integer of at least 1",
                fails("Global.epochs=0").getMessage());
        assertEquals("config key Arch.class_num is '1', expected an integer of at least 2",
                fails("Arch.class_num=1").getMessage());
        assertEquals("config key Optimizer.momentum is '1.5', expected a number from 0 to 0.999",
                fails("Optimizer.momentum=1.5").getMessage());
        assertEquals("config key DataLoader.Train.sampler.batch_size is '0', expected an integer of at least 1",
                fails("DataLoader.Train.sampler.batch_size=0").getMessage());
        assertEquals("config key Global.save_steps is '-5', expected an integer of at least 0",
                fails("Global.save_steps=-5").getMessage());
        assertEquals("config key EMA.decay is '2', expected a number from 0 to 1", fails("EMA.decay=2").getMessage());
        assertEquals("config key Global.image_shape is the list [3, 28], expected [channels, height, width] with 1 or 3 "
                + "channels, e.g. [3, 224, 224]", fails("Global.image_shape=[3, 28]").getMessage());
        JclasException reg = fails("Optimizer.regularizer.name=L1");
        assertEquals("config key Optimizer.regularizer.name is 'L1', expected one of L2", reg.getMessage());
        assertEquals("config key DataLoader.Train.dataset.mode is 'val', expected one of train, test",
                fails("DataLoader.Train.dataset.mode=val").getMessage());
    }

    @Test
    void aCommandNeedsItsSections() {
        JclasException e = assertThrows(JclasException.class,
                () -> ConfigValidator.validate(Config.fromYaml("Arch: {name: ResNet18}\n"), ConfigValidator.Use.TRAIN));
        assertEquals("config has no DataLoader.Train", e.getMessage());
        assertEquals("config has no Arch.name", assertThrows(JclasException.class,
                () -> ConfigValidator.validate(Config.fromYaml(FULL).remove("Arch.name"), ConfigValidator.Use.EVAL))
                .getMessage());
        ConfigValidator.validate(Config.fromYaml("Arch: {name: ResNet18}\n"), ConfigValidator.Use.PREDICT);
    }

    @Test
    void theModelMustExistAndTakeTheImageSize() {
        JclasException e = fails("Arch.name=ShuffleNetV2_x1_O");
        assertEquals("config key Arch.name is 'ShuffleNetV2_x1_O', not a model of the zoo", e.getMessage());
        assertTrue(e.getHint().startsWith("did you mean ShuffleNetV2_x1_0"), e.getHint());
        JclasException size = assertThrows(JclasException.class, () -> ConfigValidator.validate(Config.fromYaml(FULL)
                .override("Arch.name=AlexNet").override("Arch.small_input=false"), ConfigValidator.Use.KEYS));
        assertTrue(size.getMessage().startsWith("AlexNet needs inputs of at least"), size.getMessage());
    }

    @Test
    void devicesAreParsedByTheOneParser() {
        ConfigValidator.validate(Config.fromYaml(FULL).override("Global.device=gpu:1"), ConfigValidator.Use.KEYS);
        assertEquals("config key Global.device: device 'cuda' is not cpu, gpu, gpu:N or a list gpu:N,M",
                fails("Global.device=cuda").getMessage());
        assertEquals("config key Global.device is gpu:0,1: 2 GPUs, but a jclas process trains or predicts on one device",
                fails("Global.device='gpu:0,1'").getMessage());
    }

    @Test
    void paddleClasOnlyKeysAndOtherFixedValuesAreReportedNotRefused() {
        Config c = Config.fromYaml(FULL + "AMP:\n  scale_loss: 128.0\n  level: O1\n")
                .override("Global.to_static=false").override("Loss.Train.0.CELoss.weight=0.5")
                .override("Optimizer.one_dim_param_no_weight_decay=true");
        List<String> ignored = ConfigValidator.validate(c, ConfigValidator.Use.KEYS);
        assertTrue(ignored.containsAll(List.of("AMP", "Global.to_static", "Loss.Train.0.CELoss.weight (jclas uses 1.0)")),
                ignored.toString());
        assertFalse(ignored.stream().anyMatch(k -> k.startsWith("Optimizer")), "jclas always keeps decay off 1-D params");
    }

    /** Real PaddleClas recipes, as published, pass with only the warning once their data paths exist here. */
    @ParameterizedTest
    @ValueSource(strings = {"ResNet50", "ShuffleNetV2_x1_0", "MobileNetV3_large_x1_0"})
    void realPaddleClasConfigsValidateWithOnlyTheWarning(String name, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve(name + ".yaml");
        try (var in = ConfigValidatorTest.class.getResourceAsStream("paddleclas/" + name + ".yaml")) {
            Files.copy(in, yaml);
        }
        Files.writeString(dir.resolve("train_list.txt"), "a.png 0\n");
        Files.writeString(dir.resolve("val_list.txt"), "a.png 0\n");
        Config c = Config.load(yaml, List.of("DataLoader.Train.dataset.image_root=" + dir,
                "DataLoader.Train.dataset.cls_label_path=" + dir.resolve("train_list.txt"),
                "DataLoader.Eval.dataset.image_root=" + dir,
                "DataLoader.Eval.dataset.cls_label_path=" + dir.resolve("val_list.txt")));
        assertEquals(List.of("Global.print_batch_step", "Global.use_visualdl",
                        "DataLoader.Train.loader.use_shared_memory", "DataLoader.Eval.loader.use_shared_memory",
                        "Infer.PostProcess.class_id_map_file"),
                ConfigValidator.validate(c, ConfigValidator.Use.TRAIN).stream().filter(k -> !k.equals("Global.to_static"))
                        .toList());
        JclasException typo = assertThrows(JclasException.class,
                () -> ConfigValidator.validate(c.copy().override("Optimizer.lr.warmup_epochs=5"), ConfigValidator.Use.TRAIN));
        assertEquals("did you mean Optimizer.lr.warmup_epoch?", typo.getHint());
    }

    @Test
    void unknownSectionNamesClosest() {
        Config c = Config.fromYaml("Golbal:\n  epochs: 1\n");
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c, ConfigValidator.Use.KEYS));
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
        assertEquals("config key Global.image_shape is '28', expected [channels, height, width] with 1 or 3 channels, "
                + "e.g. [3, 224, 224]",
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
        ConfigValidator.validate(Config.fromYaml(FULL.replace("class_weight: [1, 1, 1, 1, 1, 1, 2, 1, 1, 1]", "class_weight: auto")),
                ConfigValidator.Use.KEYS);
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(
                Config.fromYaml(FULL.replace("class_weight: [1, 1, 1, 1, 1, 1, 2, 1, 1, 1]", "class_weight: often")),
                ConfigValidator.Use.KEYS));
        assertEquals("config key Loss.Train.0.CELoss.class_weight is 'often', expected auto or a list of numbers, one per class",
                e.getMessage());
    }

    @Test
    void unknownLossAndOpsNameClosest() {
        Config c = Config.fromYaml(FULL.replace("    - CELoss:\n        weight: 1.0\n        epsilon", "    - CELos:\n        weight: 1.0\n        epsilon"));
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c, ConfigValidator.Use.KEYS));
        assertEquals("unknown entry CELos in Loss.Train", e.getMessage());
        assertEquals("did you mean CELoss?", e.getHint());

        Config ops = Config.fromYaml(FULL.replace("RandFlipImage", "RandFlip"));
        JclasException o = assertThrows(JclasException.class, () -> ConfigValidator.validate(ops, ConfigValidator.Use.KEYS));
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
        ConfigValidator.validate(c, ConfigValidator.Use.KEYS);
        JclasException e = assertThrows(JclasException.class, () -> ConfigValidator.validate(c, ConfigValidator.Use.TRAIN));
        assertEquals("config key DataLoader.Eval.dataset.cls_label_path names a missing file: " + dir.resolve("val_list.txt"),
                e.getMessage());
        assertEquals("set DataLoader.Eval.dataset.cls_label_path to the path of an existing file", e.getHint());
        Files.writeString(dir.resolve("val_list.txt"), "a.png 0\n");
        ConfigValidator.validate(c, ConfigValidator.Use.TRAIN);
        Config d = Config.fromYaml(FULL).override("DataLoader.Train.dataset.data_dir=" + dir.resolve("nope"));
        JclasException de = assertThrows(JclasException.class, () -> ConfigValidator.validate(d, ConfigValidator.Use.TRAIN));
        assertEquals("config key DataLoader.Train.dataset.data_dir names a missing folder: " + dir.resolve("nope"),
                de.getMessage());
    }
}
