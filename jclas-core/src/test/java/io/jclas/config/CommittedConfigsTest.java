package io.jclas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.data.transform.Preprocessing;
import io.jclas.recipe.ConfigValidator;
import io.jclas.zoo.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recipe under configs/ is valid: known keys and ops, a zoo model, a preprocessing spec, and no
 * PaddleClas key that jclas would ignore (a recipe of jclas says only what jclas does).
 */
class CommittedConfigsTest {

    static Stream<Path> configs() throws IOException {
        Path root = Path.of(System.getProperty("jclas.home", "..")).resolve("configs");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
            assertFalse(yamls.isEmpty(), "no configs under " + root);
            return yamls.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void isValid(Path file) {
        Config c = Config.load(file, List.of());
        assertEquals(List.of(), ConfigValidator.validate(c, ConfigValidator.Use.KEYS), "ignored keys in " + file);
        String arch = c.getString("Arch.name");
        assertTrue(Models.contains(arch), arch);
        Preprocessing spec = Preprocessing.fromConfig(c);
        Preprocessing.requireEvalAgrees(c);
        assertEquals(c.getIntArray("Global.image_shape")[0], spec.channels(), "channels of " + file);
        assertEquals(c.getIntArray("Global.image_shape")[2], spec.inputSize(), "input size of " + file);
        if (file.toString().contains("ImageNet")) {
            assertEquals(Preprocessing.defaults(Models.info(arch)), spec, "the registry's defaults, as " + file);
        }
    }
}
