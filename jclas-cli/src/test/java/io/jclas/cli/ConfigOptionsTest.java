package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.io.IOException;
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
                "-o", "Metric.Eval.topk=[1, 5]", "-o", "Infer.infer_imgs=a=b.png", "--device", "gpu:1", "--threads", "2");
        Config c = p.config.load(p.runtime);
        assertEquals(3, c.getInt("Global.epochs"));
        assertEquals(List.of(1, 5), c.getList("Metric.Eval.topk"));
        assertEquals("a=b.png", c.getString("Infer.infer_imgs"));
        assertEquals("ResNet18", c.getString("Arch.name"));
        assertEquals("gpu:1", c.getString("Global.device"));
        assertEquals(2, c.getInt("Global.threads"));
    }

    @Test
    void settingsWithoutAConfigFileComeFromTheOverrides() {
        Config c = parse("-o", "Global.pretrained_model=out/best_model", "-o", "Infer.PostProcess.topk=3").config.settings();
        assertEquals("out/best_model", c.getString("Global.pretrained_model"));
        assertEquals(3, c.getInt("Infer.PostProcess.topk"));
    }

    @Test
    void aModelDirectoryBringsItsOwnConfig() throws IOException {
        Path model = Files.createDirectories(dir.resolve("best_model"));
        Files.writeString(model.resolve("config.yaml"), "Arch:\n  name: ShuffleNetV2_x1_0\n");
        Probe p = parse();
        Config c = p.config.loadForModel(model, p.runtime);
        assertEquals("ShuffleNetV2_x1_0", c.getString("Arch.name"));
        assertEquals(model.toString(), c.getString("Global.pretrained_model"));
    }

    @Test
    void missingConfigAndBadOverrideAreUserErrors() {
        Probe p = parse("-o", "Global.epochs=2");
        JclasException e = assertThrows(JclasException.class, () -> p.config.load(p.runtime));
        assertEquals("no config given", e.getMessage());
        assertTrue(e.getHint().contains("-c FILE"));
        assertThrows(JclasException.class, () -> parse("-o", "Global.epochs").config.settings());
    }
}
