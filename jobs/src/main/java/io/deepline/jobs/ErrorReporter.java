package io.deepline.jobs;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.registry.RegistryLockedException;
import io.deepline.jobs.registry.RetrainLock;
import io.deepline.pipelines.core.data.InvalidDataException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command on stderr as one or two readable lines and picks the exit code: 2 for a job-file
 * problem (the message names the key and the fix) or a problem with the data that a model's data check found
 * ({@link InvalidDataException}, anywhere in the cause chain), 3 when another retrain holds the registry name's
 * lock, 1 for anything else. Stack traces are for developers and appear
 * only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    /** Longest message line printed; Spark messages can run to kilobytes. */
    static final int MAX_LINE = 400;

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        return report(ex, cli.getErr());
    }

    /**
     * Reports any failure, including an {@link Error} (picocli passes only {@link Exception}s to the handler, so
     * {@link Main} catches errors such as a {@code NoSuchMethodError} from a mismatched classpath itself).
     *
     * @return the exit code
     */
    int report(Throwable ex, PrintWriter err) {
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        if (ex instanceof JobConfigException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Optional<InvalidDataException> data = InvalidDataException.in(ex);
        if (data.isPresent()) {
            // The user's data, not the software, is at fault, and the message says how to fix it: a usage error.
            err.println("error: " + oneLine(data.get().getMessage(), false));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (ex instanceof RegistryLockedException) {
            // Not a failure of this run: another retrain holds the name. Schedulers can tell it apart by the code.
            err.println("error: " + ex.getMessage());
            err.flush();
            return RetrainLock.EXIT_CODE_LOCKED;
        }
        err.println("error: " + (writtenForUsers(ex) ? oneLine(ex.getMessage(), true) : summary(ex, true)));
        Throwable root = rootCause(ex);
        if (root != ex) {
            err.println("cause: " + summary(root, false));
        }
        if (!verbose.getAsBoolean()) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * One line about {@code t}: its class and message, whitespace collapsed, cut at {@link #MAX_LINE} characters.
     * Spark's job-failure messages embed the failed task's stack trace after the first line; that trace is what
     * {@code --verbose} is for, so only the first line of such a message is kept.
     */
    static String summary(Throwable t, boolean firstLineOnly) {
        String message = oneLine(t.getMessage(), firstLineOnly);
        String name = t.getClass().getSimpleName();
        return message.isEmpty() ? name : name + ": " + message;
    }

    /**
     * Whether {@code t}'s message was written by Deepline for the user, so that its class name would only be noise:
     * a runtime exception with a message, thrown by Deepline's own code. A library's exception keeps its name,
     * which is often half of what it says ({@code FileNotFoundException}), and so does an {@link Error}.
     */
    static boolean writtenForUsers(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t instanceof RuntimeException && t.getMessage() != null && !t.getMessage().isBlank()
                && trace.length > 0 && trace[0].getClassName().startsWith("io.deepline.");
    }

    /** {@code message} on one line, without an embedded stack trace, cut at {@link #MAX_LINE} characters. */
    static String oneLine(String text, boolean firstLineOnly) {
        String message = text == null ? "" : text;
        if (firstLineOnly && message.indexOf('\n') >= 0) {
            message = message.substring(0, message.indexOf('\n'));
        }
        int trace = message.indexOf("\tat ");
        if (trace >= 0) {
            message = message.substring(0, trace);
        }
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_LINE) {
            message = message.substring(0, MAX_LINE) + " ...";
        }
        return message;
    }

    static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
