package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mixin: the PaddleClas-style {@code -c config.yaml -o Section.key=value} pair. Every config it hands
 * out has passed {@link ConfigValidator} with the overrides applied, and the PaddleClas keys jclas
 * does not use have been named in one warning line on stderr.
 */
final class ConfigOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "PaddleClas-shaped YAML config, e.g. configs/FashionMNIST/ShuffleNetV2_x1_0.yaml.")
    Path config;

    @Option(names = {"-o", "--override"}, paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. -o Global.epochs=2 (repeatable; later wins; "
                    + "values typed as YAML: 5, 0.1, true, [1,5], null).")
    List<String> overrides = new ArrayList<>();

    /** The config file (required) with the overrides and the runtime options applied, checked for {@code use}. */
    Config load(RuntimeOptions runtime, ConfigValidator.Use use) {
        if (config == null) {
            throw new JclasException("no config given",
                    "pass -c FILE, e.g. -c configs/FashionMNIST/ShuffleNetV2_x1_0.yaml");
        }
        return checked(runtime.applyTo(Config.load(config, overrides)), use);
    }

    /**
     * The config file, or the bundled {@code fallback} without -c, with a command's own {@code base}
     * overrides applied before the user's (so that -o still wins).
     */
    Config load(RuntimeOptions runtime, String fallback, List<String> base, ConfigValidator.Use use) {
        Path file = config != null ? config : JclasHome.resolve(fallback);
        List<String> all = new ArrayList<>(base);
        all.addAll(overrides);
        return checked(runtime.applyTo(Config.load(file, all)), use);
    }

    /**
     * The config for working on a model directory: {@code model} (when given) becomes
     * Global.pretrained_model, and without -c the checkpoint's own config.yaml is used; checked for evaluation.
     */
    Config loadForModel(Path model, RuntimeOptions runtime) {
        if (model != null) {
            Path own = model.resolve("config.yaml");
            if (config == null && Files.isRegularFile(own)) {
                config = own;
            }
            overrides.add("Global.pretrained_model=" + model);
        }
        return load(runtime, ConfigValidator.Use.EVAL);
    }

    /** The overrides on an empty config, or on the config file when -c was given, checked for {@code use}. */
    Config settings(ConfigValidator.Use use) {
        Config c = config == null ? Config.empty() : Config.load(config, List.of());
        overrides.forEach(c::override);
        return checked(c, use);
    }

    private Config checked(Config c, ConfigValidator.Use use) {
        String warning = ConfigValidator.warning(ConfigValidator.validate(c, use));
        if (warning != null) {
            command.commandLine().getErr().println("warning: " + warning);
            command.commandLine().getErr().flush();
        }
        return c;
    }
}
