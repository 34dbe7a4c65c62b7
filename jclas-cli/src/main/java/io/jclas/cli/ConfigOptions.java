package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Mixin: the PaddleClas-style {@code -c config.yaml -o Section.key=value} pair. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "PaddleClas-shaped YAML config, e.g. configs/FashionMNIST/ShuffleNetV2_x1_0.yaml.")
    Path config;

    @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. -o Global.epochs=2 (repeatable; later wins; "
                    + "values typed as YAML: 5, 0.1, true, [1,5], null).")
    List<String> overrides = new ArrayList<>();

    /** The config file (required) with the overrides and the runtime options applied. */
    Config load(RuntimeOptions runtime) {
        if (config == null) {
            throw new JclasException("no config given",
                    "pass -c FILE, e.g. -c configs/FashionMNIST/ShuffleNetV2_x1_0.yaml");
        }
        return runtime.applyTo(Config.load(config, overrides));
    }

    /**
     * The config file, or the bundled {@code fallback} without -c, with a command's own {@code base}
     * overrides applied before the user's (so that -o still wins).
     */
    Config load(RuntimeOptions runtime, String fallback, List<String> base) {
        Path file = config != null ? config : JclasHome.resolve(fallback);
        List<String> all = new ArrayList<>(base);
        all.addAll(overrides);
        return runtime.applyTo(Config.load(file, all));
    }

    /**
     * The config for working on a model directory: {@code model} (when given) becomes
     * Global.pretrained_model, and without -c the checkpoint's own config.yaml is used.
     */
    Config loadForModel(Path model, RuntimeOptions runtime) {
        if (model != null) {
            Path own = model.resolve("config.yaml");
            if (config == null && Files.isRegularFile(own)) {
                config = own;
            }
            overrides.add("Global.pretrained_model=" + model);
        }
        return load(runtime);
    }

    /** The overrides on an empty config, or on the config file when -c was given. */
    Config settings() {
        Config c = config == null ? Config.empty() : Config.load(config, List.of());
        overrides.forEach(c::override);
        return c;
    }
}
