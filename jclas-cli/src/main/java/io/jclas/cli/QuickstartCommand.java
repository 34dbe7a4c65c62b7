package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import io.jclas.data.Datasets;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import io.jclas.onnx.Exporter;
import io.jclas.train.EvalResult;
import io.jclas.train.TrainResult;
import io.jclas.train.TrainingEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jclas quickstart}: the whole path on Fashion-MNIST in one command: sample images, a short
 * training, evaluation, prediction, ONNX export and a check that ONNX Runtime agrees.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Train, evaluate, predict and export a light model on Fashion-MNIST, end to end.",
            "Uses " + QuickstartCommand.CONFIG + " unless -c is given; -o overrides it as usual.",
            "Writes 10 test images as PNG, trains ShuffleNetV2_x1_0 for 3 epochs on all 60000 training images,",
            "evaluates on the 10000 test images, predicts the PNGs, exports to ONNX and checks that ONNX Runtime",
            "predicts the same classes as the checkpoint. Everything goes to --out."})
final class QuickstartCommand implements Callable<Integer> {
    static final String CONFIG = "configs/FashionMNIST/ShuffleNetV2_x1_0.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/quickstart",
            description = "Where samples, checkpoints (<out>/<Arch.name>/) and the export go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Config cfg = config.load(runtime, CONFIG, List.of("Global.epochs=" + epochs, "Global.output_dir=" + out),
                ConfigValidator.Use.KEYS);
        Path data = Path.of(cfg.getString("DataLoader.Train.dataset.data_dir", Datasets.FASHION_MNIST_DIR));
        if (!Files.isDirectory(data)) {
            throw new JclasException("Fashion-MNIST not found in " + data,
                    "install it: apt-get install -y dataset-fashion-mnist (./jclas does this when run as root)");
        }
        ConfigValidator.validate(cfg, ConfigValidator.Use.TRAIN);
        String arch = cfg.getString("Arch.name");

        step(w, 1, "sample images");
        Path samples = out.resolve("samples");
        List<Path> images = SampleImages.write(cfg.section("DataLoader.Eval.dataset"), 10, samples);
        w.println("wrote " + images.size() + " Fashion-MNIST test images to " + samples);

        int threads = runtime.threads > 0 ? runtime.threads : Runtime.getRuntime().availableProcessors();
        step(w, 2, "train " + arch + " for " + epochs + " epoch(s), " + threads + " PyTorch thread(s)");
        ConsoleTrainListener listener = new ConsoleTrainListener(w, ProgressBar.interactive());
        TrainResult trained = TrainingEngine.train(cfg, listener);
        Path best = trained.bestModel();
        w.printf(Locale.ROOT, "best top1 %.4f at epoch %d, checkpoint %s%n", trained.bestTop1(), trained.bestEpoch(), best);

        step(w, 3, "evaluate " + best);
        cfg.set("Global.pretrained_model", best.toString());
        EvalResult eval = TrainingEngine.evaluate(cfg, listener);
        EvalCommand.printPerClass(eval, w);

        step(w, 4, "predict the sample images (PyTorch engine, from the checkpoint)");
        List<List<Prediction>> fromCheckpoint;
        try (Classifier c = Classifier.load(best, runtime.classifierOptions())) {
            fromCheckpoint = Predictions.run(c, images, 3, images.size());
        }
        Predictions.print(images, fromCheckpoint, w);

        step(w, 5, "export to ONNX and predict again with ONNX Runtime");
        Path inference = out.resolve("inference");
        Exporter.exportCheckpoint(best, inference);
        List<List<Prediction>> fromOnnx;
        try (Classifier c = Classifier.load(inference, runtime.classifierOptions())) {
            fromOnnx = Predictions.run(c, images, 3, images.size());
        }
        int same = 0;
        double maxDiff = 0;
        for (int i = 0; i < images.size(); i++) {
            Prediction ort = fromOnnx.get(i).get(0);
            Prediction pt = fromCheckpoint.get(i).get(0);
            if (ort.classId() == pt.classId()) {
                same++;
                maxDiff = Math.max(maxDiff, Math.abs(ort.score() - pt.score()));
            }
        }
        w.printf(Locale.ROOT, "exported to %s; ONNX Runtime and PyTorch agree on the top class of %d of %d images"
                + " (largest score difference %.1e)%n", inference, same, images.size(), maxDiff);

        w.println();
        w.println("next:");
        w.println("  ./jclas predict --model " + inference + " " + samples);
        w.println("  ./jclas serve --model " + inference + "        # then: curl -s -H 'Content-Type: image/png' "
                + "--data-binary @" + images.get(0) + " http://127.0.0.1:8866/predict");
        w.println("  ./jclas benchmark serve --model " + inference + " --image " + images.get(0));
        w.println("  ./jclas eval --model " + best);
        w.println("  ./jclas train -c " + CONFIG + " -o Global.epochs=30   # a longer run");
        w.println("  ./jclas models                          # the whole zoo");
        w.flush();
        return 0;
    }

    private static void step(PrintWriter w, int n, String what) {
        w.println();
        w.println("== " + n + "/5 " + what);
        w.flush();
    }
}
