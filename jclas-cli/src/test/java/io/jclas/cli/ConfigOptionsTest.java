package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigOptionsTest {
    @TempDir
    Path dir;

    /** The mixins as picocli fills them from a command line. */
    @CommandLine.Command(name = "t")
    static final class Probe {
        @CommandLine.Mixin
        ConfigOptions config;

        @CommandLine.Mixin
        RuntimeOptions runtime;
    }

    private static Probe parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p;
    }

    @Test
    void overridesAreTypedAndLaterOnesWin() throws IOException {
        Path yaml = Files.writeString(dir.resolve("c.yaml"), "Global:\n  epochs: 30\n  device: cpu\nArch:\n  name: ResNet18\n");
        Probe p = parse("-c", yaml.toString(), "-o", "Global.epochs=2", "--override", "Global.epochs=3",
                "-o", "Global.image_shape=[1, 28, 28]", "-o", "Infer.infer_imgs=a=b.png", "--device", "gpu:1", "--threads", "2");
        Config c = p.config.load(p.runtime, ConfigValidator.Use.KEYS);
        assertEquals(3, c.getInt("Global.epochs"));
        assertEquals(List.of(1, 28, 28), c.getList("Global.image_shape"));
        assertEquals("a=b.png", c.getString("Infer.infer_imgs"));
        assertEquals("ResNet18", c.getString("Arch.name"));
        assertEquals("gpu:1", c.getString("Global.device"));
        assertEquals(2, c.getInt("Global.threads"));
    }

    @Test
    void settingsWithoutAConfigFileComeFromTheOverrides() throws IOException {
        Path model = Files.createDirectories(dir.resolve("out/best_model"));
        Config c = parse("-o", "Global.pretrained_model=" + model, "-o", "Infer.PostProcess.topk=3").config
                .settings(ConfigValidator.Use.PREDICT);
        assertEquals(model.toString(), c.getString("Global.pretrained_model"));
        assertEquals(3, c.getInt("Infer.PostProcess.topk"));
    }

    @Test
    void aModelDirectoryBringsItsOwnConfig() throws IOException {
        Path model = Files.createDirectories(dir.resolve("best_model"));
        Files.writeString(model.resolve("config.yaml"),
                "Arch:\n  name: ShuffleNetV2_x1_0\nDataLoader:\n  Eval:\n    sampler: {batch_size: 8}\n");
        Probe p = parse();
        Config c = p.config.loadForModel(model, p.runtime);
        assertEquals("ShuffleNetV2_x1_0", c.getString("Arch.name"));
        assertEquals(model.toString(), c.getString("Global.pretrained_model"));
    }

    @Test
    void missingConfigAndBadOverrideAreUserErrors() {
        Probe p = parse("-o", "Global.epochs=2");
        JclasException e = assertThrows(JclasException.class, () -> p.config.load(p.runtime, ConfigValidator.Use.TRAIN));
        assertEquals("no config given", e.getMessage());
        assertTrue(e.getHint().contains("-c FILE"));
        assertThrows(JclasException.class, () -> parse("-o", "Global.epochs").config.settings(ConfigValidator.Use.KEYS));
    }

    @Test
    void everyConfigIsValidatedAfterTheOverrides() throws IOException {
        Path yaml = Files.writeString(dir.resolve("c.yaml"), "Global:\n  epochs: 3\nOptimizer:\n  lr:\n    learning_rate: 0.1\n");
        Probe p = parse("-c", yaml.toString(), "-o", "Optimizer.lr.learnig_rate=0.01");
        JclasException e = assertThrows(JclasException.class, () -> p.config.load(p.runtime, ConfigValidator.Use.TRAIN));
        assertEquals("unknown config key Optimizer.lr.learnig_rate", e.getMessage());
        assertEquals("did you mean Optimizer.lr.learning_rate?", e.getHint());
        JclasException missing = assertThrows(JclasException.class, () -> parse("-o",
                "Global.pretrained_model=" + dir.resolve("nope")).config.settings(ConfigValidator.Use.PREDICT));
        assertEquals("config key Global.pretrained_model names a missing path: " + dir.resolve("nope"), missing.getMessage());
    }

    @Test
    void paddleClasKeysJclasIgnoresGiveOneWarningLine() throws IOException {
        Path yaml = Files.writeString(dir.resolve("c.yaml"),
                "Global:\n  epochs: 3\n  use_visualdl: false\n  to_static: false\nAMP:\n  level: O1\n");
        Probe p = new Probe();
        CommandLine cl = new CommandLine(p);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.parseArgs("-c", yaml.toString());
        p.config.load(p.runtime, ConfigValidator.Use.KEYS);
        assertEquals("warning: ignoring PaddleClas settings that jclas does not use: Global.use_visualdl, "
                + "Global.to_static, AMP" + System.lineSeparator(), err.toString());
    }
}
