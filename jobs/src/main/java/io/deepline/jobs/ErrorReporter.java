package io.deepline.jobs;

import io.deepline.jobs.config.JobConfigException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command on stderr as one or two readable lines and picks the exit code: 2 for a job-file
 * problem (the message names the key and the fix), 1 for anything else. Stack traces are for developers and appear
 * only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        if (ex instanceof JobConfigException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        err.println("error: " + firstLine(ex));
        Throwable root = rootCause(ex);
        if (root != ex) {
            err.println("cause: " + firstLine(root));
        }
        if (!verbose.getAsBoolean()) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * The first line of the message: Spark's job-failure messages embed the executor's whole stack trace, which is
     * what {@code --verbose} is for.
     */
    static String firstLine(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        int newline = message.indexOf('\n');
        return name + ": " + (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
