package io.jclas.cli;

import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import io.jclas.train.TrainResult;
import io.jclas.train.TrainingEngine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jclas train}: trains from a config, writing checkpoints under Global.output_dir/Arch.name. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model from a PaddleClas-shaped config.",
            "Checkpoints go to Global.output_dir/<Arch.name>/{latest,best_model,epoch_N}.",
            "Resume with -o Global.checkpoints=DIR, fine-tune with -o Global.pretrained_model=DIR."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config cfg = config.load(runtime, ConfigValidator.Use.TRAIN);
        TrainResult r = TrainingEngine.train(cfg, new ConsoleTrainListener(out, ProgressBar.interactive()));
        out.printf(Locale.ROOT, "trained %d epochs in %s; best top1 %.4f (epoch %d)%n", r.epochs(),
                ProgressBar.duration(r.seconds()), r.bestTop1(), r.bestEpoch());
        out.println("checkpoints: " + r.outputDir());
        out.println("next: jclas eval -c " + config.config + " -o Global.pretrained_model=" + r.bestModel());
        return 0;
    }
}
