package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.Classifier;
import io.jclas.infer.ClassifierOptions;
import io.jclas.zoo.ModelInfo.InputDefaults;
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

    @Option(names = "--input-size", paramLabel = "PX",
            description = "For a foreign ONNX classifier without inference.yml (torchvision, Paddle2ONNX): the "
                    + "square input side; enables the preprocessing options below.")
    int inputSize;

    @Option(names = "--resize-short", paramLabel = "PX",
            description = "With --input-size: resize the short side to this before the center crop "
                    + "(default: input size / the zoo's crop ratio 0.875, PaddleClas's 256 for 224).")
    int resizeShort;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "3",
            description = "With --input-size: 3 (RGB) or 1 (grayscale) (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--mean", paramLabel = "M,..", split = ",",
            description = "With --input-size: per-channel mean after scaling to [0,1] (default: ImageNet's).")
    float[] mean;

    @Option(names = "--std", paramLabel = "S,..", split = ",",
            description = "With --input-size: per-channel std (default: ImageNet's).")
    float[] std;

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

    /** Opens the model with the runtime options (and command-line preprocessing, if given). */
    Classifier open(Config settings, RuntimeOptions runtime) {
        ClassifierOptions options = runtime.classifierOptions().withEngine(engine);
        Preprocessing preprocess = preprocess();
        return Classifier.load(dir(settings), preprocess == null ? options : options.withPreprocess(preprocess));
    }

    /**
     * The preprocessing of --input-size and its companions, or null without --input-size; what they leave
     * out is the zoo's ImageNet default ({@link InputDefaults#IMAGENET}), mean and std 0.5 for grayscale.
     */
    Preprocessing preprocess() {
        if (inputSize <= 0) {
            return null;
        }
        if (channels != 1 && channels != 3) {
            throw new JclasException("--channels is " + channels + ", expected 1 or 3", "pass --channels 3 for RGB models");
        }
        InputDefaults defaults = InputDefaults.IMAGENET;
        float[] m = mean != null ? mean : channels == 3 ? defaults.mean() : new float[] {0.5f};
        float[] s = std != null ? std : channels == 3 ? defaults.std() : new float[] {0.5f};
        if (m.length != channels || s.length != channels) {
            throw new JclasException("--mean and --std need " + channels + " value(s) each",
                    "e.g. --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225");
        }
        int shortSide = resizeShort > 0 ? resizeShort : (int) Math.round(inputSize / defaults.cropRatio());
        return Preprocessing.centerCrop(channels, shortSide, inputSize, m, s);
    }
}
