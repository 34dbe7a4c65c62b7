package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported bug, for every command that reads a config: a mistyped override fails with exit 2 and
 * the closest key, before the command does anything (no model opened, no output written).
 */
class ConfigCheckTest {
    static final String RECIPE = Path.of(System.getProperty("jclas.home", "..")).resolve(
            "configs/FashionMNIST/ShuffleNetV2_x0_5.yaml").toString();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "predict", "export", "serve", "quickstart"})
    void aTypoInAnOverrideStopsTheCommandNamingTheClosestKey(String command) throws Exception {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(command, "-c", RECIPE, "-o", "Optimizer.lr.learnig_rate=0.01",
                "-o", "Global.output_dir=" + out));
        if (!command.equals("train") && !command.equals("quickstart")) {
            args.addAll(List.of("--model", tmp.resolve("no-model").toString()));
        }
        if (command.equals("quickstart")) {
            args.addAll(List.of("--out", out.toString()));
        }
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.err());
        assertEquals("error: unknown config key Optimizer.lr.learnig_rate\n"
                + "hint: did you mean Optimizer.lr.learning_rate?\n", run.err());
        assertFalse(Files.exists(out), "nothing written before the check");
    }
}
