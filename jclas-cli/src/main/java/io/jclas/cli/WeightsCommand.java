package io.jclas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jclas weights}: pretrained weights; lists its subcommands when called alone. */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"Pretrained weights: import PaddleClas .pdparams and PyTorch state dicts (docs/weights.md)."},
        subcommands = {WeightsImportCommand.class})
final class WeightsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
