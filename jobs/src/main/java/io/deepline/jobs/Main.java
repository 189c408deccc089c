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
        subcommands = {TrainCommand.class, EvaluateCommand.class, TuneCommand.class, PredictCommand.class},
        description = "Trains deep networks as Spark ML pipelines from YAML job files.",
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 bad command line or job file."})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (they are hidden otherwise).")
    boolean verbose;

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
        try {
            return cli.execute(args);
        } catch (Error e) {
            return reporter.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
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
