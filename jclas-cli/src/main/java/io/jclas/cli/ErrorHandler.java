package io.jclas.cli;

import io.jclas.JclasException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors become output: a user mistake ({@link JclasException} or a bad
 * option) prints {@code error:} and {@code hint:} lines and exits 2; anything else prints a short
 * message and exits 1. {@code --debug} adds the stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int USER_ERROR = 2;
    static final int FAILURE = 1;

    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        JclasException user = userError(ex);
        if (user != null) {
            err.println("error: " + user.getMessage());
            if (!user.getHint().isEmpty()) {
                err.println("hint: " + user.getHint());
            }
            trace(ex, err);
            return USER_ERROR;
        }
        err.println("error: " + describe(ex));
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println("hint: rerun with --debug for the stack trace");
        }
        return FAILURE;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("error: " + ex.getMessage());
        err.println("hint: see `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`");
        trace(ex, err);
        return USER_ERROR;
    }

    private void trace(Exception ex, PrintWriter err) {
        if (debug) {
            ex.printStackTrace(err);
        }
    }

    /** The user mistake behind an exception, also when a library wrapped it. */
    private static JclasException userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JclasException) {
                return (JclasException) t;
            }
        }
        return null;
    }

    private static String describe(Throwable ex) {
        String msg = ex.getMessage();
        String type = ex.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? type : type + ": " + msg.lines().findFirst().orElse(msg);
    }
}
