package io.jclas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jclas benchmark}: the benchmark modes. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmarks: `benchmark serve` loads the HTTP service.",
        subcommands = {BenchmarkServeCommand.class})
final class BenchmarkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
