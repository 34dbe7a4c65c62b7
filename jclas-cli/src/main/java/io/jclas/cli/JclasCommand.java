package io.jclas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands when called alone. */
@Command(name = "jclas",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Image classification on the JVM: the PaddleClas model zoo, training, ONNX deployment, benchmarks.",
        subcommands = {ModelsCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class,
            ServeCommand.class, BenchmarkCommand.class, RecommendCommand.class, SparkCommand.class, QuickstartCommand.class, WeightsCommand.class},
        footer = {"", "Run `jclas COMMAND --help` for a command's options. Start with `jclas quickstart`."})
final class JclasCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Read by {@link Main} before parsing; declared here so that every command accepts it. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
