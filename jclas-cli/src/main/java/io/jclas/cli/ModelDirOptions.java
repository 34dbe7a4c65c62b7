package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.infer.Classifier;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin: the model directory a command serves or predicts with, and the runtime that opens it. */
final class ModelDirOptions {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Inference directory (model.onnx + inference.yml, from `jclas export`) or checkpoint "
                    + "(model.npz + config.yaml, e.g. output/<Arch>/best_model). "
                    + "Also read from -o Global.inference_model_dir or -o Global.pretrained_model.")
    Path model;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "auto, onnxruntime or pytorch (default: ${DEFAULT-VALUE}: ONNX Runtime for an "
                    + "inference directory, PyTorch for a checkpoint).")
    String engine;

    /** The model directory: --model, else the config's inference or pretrained model. */
    Path dir(Config settings) {
        if (model != null) {
            return model;
        }
        for (String key : new String[] {"Global.inference_model_dir", "Global.pretrained_model"}) {
            String v = settings.getString(key, null);
            if (v != null && !v.isBlank()) {
                return Path.of(v);
            }
        }
        throw new JclasException("no model given",
                "pass --model DIR: the folder written by `jclas export`, or a checkpoint such as output/<Arch>/best_model");
    }

    /** Opens the model with the runtime options. */
    Classifier open(Config settings, RuntimeOptions runtime) {
        return Classifier.load(dir(settings), runtime.classifierOptions().withEngine(engine));
    }
}
