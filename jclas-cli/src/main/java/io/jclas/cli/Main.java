package io.jclas.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of the {@code jclas} command line; {@code ./jclas} runs it. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs one command line and returns its exit code: 0 on success, 2 for user mistakes (bad
     * options, {@link io.jclas.JclasException}), 1 for anything else.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        if (debug) {
            // before any logger exists: simplelogger.properties keeps libraries quiet otherwise
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "info");
        }
        ErrorHandler errors = new ErrorHandler(debug);
        CommandLine cli = new CommandLine(new JclasCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
