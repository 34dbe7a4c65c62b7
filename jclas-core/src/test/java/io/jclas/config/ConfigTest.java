package io.jclas.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    static final String YAML = String.join("\n",
            "Global:",
            "  epochs: 10",
            "  image_shape: [3, 224, 224]",
            "  output_dir: ./output/",
            "Arch:",
            "  name: ResNet50_vd",
            "  class_num: 1000",
            "Optimizer:",
            "  name: Momentum",
            "  regularizer:",
            "    name: L2",
            "    coeff: 1e-4",
            "DataLoader:",
            "  Train:",
            "    dataset:",
            "      name: ImageNetDataset",
            "      transform_ops:",
            "        - DecodeImage:",
            "            to_rgb: True",
            "        - RandCropImage:",
            "            size: 224",
            "    sampler:",
            "      batch_size: 64",
            "      shuffle: True",
            "");

    @Test
    void readsTypedValuesByDottedKey() {
        Config c = Config.fromYaml(YAML);
        assertEquals(10, c.getInt("Global.epochs"));
        assertEquals("ResNet50_vd", c.getString("Arch.name"));
        assertArrayEquals(new int[] {3, 224, 224}, c.getIntArray("Global.image_shape"));
        assertTrue(c.getBool("DataLoader.Train.sampler.shuffle"));
        assertEquals(224, c.getInt("DataLoader.Train.dataset.transform_ops.1.RandCropImage.size"));
        // YAML 1.1 reads 1e-4 as a string; the number getter accepts it.
        assertEquals(1e-4, c.getDouble("Optimizer.regularizer.coeff"), 0);
        assertEquals(7, c.getInt("Global.missing", 7));
        assertFalse(c.has("Global.missing"));
        assertEquals(2, c.getList("DataLoader.Train.dataset.transform_ops").size());
    }

    @Test
    void overridesAreTypedByYamlScalarRules() {
        Config c = Config.fromYaml(YAML);
        c.override("Global.epochs=3").override("Optimizer.lr.learning_rate=0.05").override("Global.eval_during_train=false")
                .override("Metric.Eval.topk=[1,5]").override("Arch.name=MobileNetV3_small_x1_0")
                .override("Global.pretrained_model=null").override("DataLoader.Train.dataset.transform_ops.1.RandCropImage.size=32");
        assertEquals(Integer.valueOf(3), c.get("Global.epochs"));
        assertEquals(Double.valueOf(0.05), c.get("Optimizer.lr.learning_rate"));
        assertEquals(Boolean.FALSE, c.get("Global.eval_during_train"));
        assertEquals(List.of(1, 5), c.get("Metric.Eval.topk"));
        assertEquals("MobileNetV3_small_x1_0", c.getString("Arch.name"));
        assertNull(c.get("Global.pretrained_model"));
        assertEquals(32, c.getInt("DataLoader.Train.dataset.transform_ops.1.RandCropImage.size"));
    }

    @Test
    void loadAppliesOverridesInOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, YAML);
        Config c = Config.load(f, List.of("Global.epochs=1", "Global.epochs=2"));
        assertEquals(2, c.getInt("Global.epochs"));
    }

    @Test
    void wrongTypeNamesKeyAndExpectedForm() {
        Config c = Config.fromYaml(YAML).override("Global.epochs=ten");
        JclasException e = assertThrows(JclasException.class, () -> c.getInt("Global.epochs"));
        assertEquals("config key Global.epochs is 'ten', expected an integer", e.getMessage());
        assertEquals("set it to an integer, e.g. -o Global.epochs=10", e.getHint());
        JclasException b = assertThrows(JclasException.class, () -> c.getBool("Arch.name"));
        assertEquals("config key Arch.name is 'ResNet50_vd', expected true or false", b.getMessage());
        JclasException d = assertThrows(JclasException.class, () -> c.getDouble("Arch.name"));
        assertEquals("config key Arch.name is 'ResNet50_vd', expected a number", d.getMessage());
        JclasException l = assertThrows(JclasException.class, () -> c.getList("Arch.name"));
        assertEquals("config key Arch.name is 'ResNet50_vd', expected a list", l.getMessage());
        JclasException f = assertThrows(JclasException.class, () -> Config.fromYaml(YAML).override("Global.epochs=2.5")
                .getInt("Global.epochs"));
        assertEquals("config key Global.epochs is '2.5', expected an integer", f.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() {
        JclasException e = assertThrows(JclasException.class, () -> Config.fromYaml(YAML).getInt("Global.save_interval"));
        assertEquals("missing config key Global.save_interval", e.getMessage());
        assertTrue(e.getHint().contains("-o Global.save_interval="), e.getHint());
        // a section view names the full key
        JclasException s = assertThrows(JclasException.class,
                () -> Config.fromYaml(YAML).section("DataLoader.Train.sampler").getInt("num_workers"));
        assertEquals("missing config key DataLoader.Train.sampler.num_workers", s.getMessage());
    }

    @Test
    void malformedOverridesAndYamlAreRejected() {
        Config c = Config.fromYaml(YAML);
        JclasException e = assertThrows(JclasException.class, () -> c.override("Global.epochs"));
        assertEquals("override 'Global.epochs' is not of the form Section.key=value", e.getMessage());
        JclasException past = assertThrows(JclasException.class,
                () -> c.override("DataLoader.Train.dataset.transform_ops.5.CropImage.size=3"));
        assertTrue(past.getMessage().contains("index 5 is past the end of a list of 2"), past.getMessage());
        JclasException y = assertThrows(JclasException.class, () -> Config.fromYaml("Global: [1, 2"));
        assertTrue(y.getMessage().startsWith("invalid YAML in YAML text"), y.getMessage());
        JclasException top = assertThrows(JclasException.class, () -> Config.fromYaml("- a\n- b\n"));
        assertEquals("YAML text is not a YAML mapping of sections", top.getMessage());
        JclasException missing = assertThrows(JclasException.class, () -> Config.load(Path.of("/nonexistent/x.yaml"), List.of()));
        assertEquals("config file not found: /nonexistent/x.yaml", missing.getMessage());
    }

    @Test
    void loadingIsSafe() {
        // SnakeYAML's safe constructor refuses global tags that would instantiate Java classes.
        JclasException e = assertThrows(JclasException.class,
                () -> Config.fromYaml("Global: !!java.io.File [\"/tmp\"]\n"));
        assertTrue(e.getMessage().startsWith("invalid YAML"), e.getMessage());
    }

    @Test
    void sectionsAreLiveViews() {
        Config c = Config.fromYaml(YAML);
        Config sampler = c.section("DataLoader.Train.sampler");
        sampler.set("batch_size", 8);
        assertEquals(8, c.getInt("DataLoader.Train.sampler.batch_size"));
        c.section("EMA").set("decay", 0.999);
        assertEquals(0.999, c.getDouble("EMA.decay"), 0);
        assertEquals(Map.of("decay", 0.999), c.getMap("EMA"));
        assertEquals("DataLoader.Train.sampler", sampler.path());
    }

    @Test
    void saveRoundTripsAtomically(@TempDir Path dir) throws Exception {
        Config c = Config.fromYaml(YAML).override("Metric.Eval.topk=[1,5]");
        Path f = dir.resolve("out/config.yaml");
        c.save(f);
        Config back = Config.load(f, List.of());
        assertEquals(c.asMap(), back.asMap());
        try (var s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList(), "no temp file left behind");
        }
        Config copy = c.copy();
        copy.set("Global.epochs", 99);
        assertEquals(10, c.getInt("Global.epochs"), "copy is detached");
    }
}
