package io.deepline.jobs;

import io.deepline.pipelines.core.train.ParameterAveragingTrainer;
import java.io.PrintStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * What a command prints while it runs, from {@code --quiet} / {@code --verbose} and whether stdout is a terminal:
 * <ul>
 *   <li>quiet: warnings and errors only (and the final summary on stdout);</li>
 *   <li>normal on a terminal: Deepline's INFO lines and a progress bar over the epochs instead of a line per epoch;</li>
 *   <li>normal elsewhere (spark-submit logs, CI, a pipe): plain INFO lines, one per epoch;</li>
 *   <li>verbose: DEBUG lines, one per epoch, and stack traces with errors.</li>
 * </ul>
 */
enum ConsoleOutput {
    QUIET, NORMAL, VERBOSE;

    /** The logger whose per-epoch INFO lines the progress bar replaces. */
    static final String EPOCH_LOGGER = ParameterAveragingTrainer.class.getName();

    static ConsoleOutput of(boolean quiet, boolean verbose) {
        if (quiet && verbose) {
            throw new IllegalArgumentException("--quiet and --verbose exclude each other; give one of them");
        }
        return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
    }

    /** A progress bar only for a person watching: normal output, stdout a terminal. */
    boolean showsProgressBar(boolean stdoutIsTerminal) {
        return this == NORMAL && stdoutIsTerminal;
    }

    /** Sets Deepline's log levels for this mode (the libraries keep theirs, see conf/log4j2.properties). */
    void applyLogLevels(boolean progressBar) {
        Level level = switch (this) {
            case QUIET -> Level.WARN;
            case NORMAL -> Level.INFO;
            case VERBOSE -> Level.DEBUG;
        };
        Configurator.setLevel("io.deepline", level);
        Configurator.setLevel(EPOCH_LOGGER, progressBar ? Level.WARN : level);
    }

    /** The listener to attach to the job's estimator: a bar on {@code terminal} when it shows one, else off. */
    EpochProgressBar progress(boolean stdoutIsTerminal, PrintStream terminal) {
        return showsProgressBar(stdoutIsTerminal) ? new EpochProgressBar(terminal) : EpochProgressBar.OFF;
    }
}
