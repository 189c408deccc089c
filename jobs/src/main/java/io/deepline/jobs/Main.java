package io.deepline.jobs;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code deepline <command> <job.yaml>}: the entry point of {@code bin/deepline} and of spark-submit.
 *
 * <p>Tests call {@link #run(PrintWriter, PrintWriter, String...)}, which returns the exit code instead of exiting,
 * so a whole command runs in-process against a test's SparkSession.
 */
@Command(name = "deepline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {TrainCommand.class, EvaluateCommand.class, TuneCommand.class, PredictCommand.class,
                RetrainCommand.class},
        description = "Trains deep networks as Spark ML pipelines from YAML job files.",
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 bad command line or job file, 3 the model registry"
                + " name is locked by another retrain."})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log Deepline's DEBUG lines and print stack traces of errors (hidden otherwise).")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "Log only warnings and errors; the summary still goes to stdout.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Runs with the process's stdout and stderr, then exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command with the process's stdout and stderr; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command, printing to {@code out} and {@code err}; returns the exit code and never exits. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        ErrorReporter reporter = new ErrorReporter(() -> main.verbose);
        CommandLine cli = new CommandLine(main).setOut(out).setErr(err).setExecutionExceptionHandler(reporter);
        cli.setExecutionStrategy(parsed -> {
            main.console().applyLogLevels(main.console().showsProgressBar(stdoutIsTerminal()));
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            return reporter.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What to print while running, from {@code --quiet} and {@code --verbose}; giving both is a usage error. */
    ConsoleOutput console() {
        try {
            return ConsoleOutput.of(quiet, verbose);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The listener a command attaches to its estimator: a progress bar on stdout when that is a terminal and the
     * output is normal; otherwise none (the trainer logs a line per epoch). Close it when the command ends.
     */
    EpochProgressBar trainingProgress() {
        return console().progress(stdoutIsTerminal(), System.out);
    }

    /** {@code System.console()} exists only when stdin and stdout are both terminals, never under spark-submit logs. */
    private static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** {@code deepline} alone is a usage error: a command is required. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: use train, evaluate, tune, predict or retrain, each with a <job.yaml>");
    }

    /** The version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"deepline " + (v == null ? "(development build)" : v)};
        }
    }
}
