package io.deepline.jobs;

import io.deepline.pipelines.train.EpochStats;
import io.deepline.pipelines.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar over a fit's epochs, with the last epoch's loss, validation metric and speed beside it.
 * Shown instead of the per-epoch log lines when stdout is a terminal ({@link #OFF} otherwise); a new fit (epoch 1 again, e.g. the next
 * cross-validation fold) starts a new bar.
 */
final class EpochProgressBar implements TrainingListener, AutoCloseable {

    /** Draws nothing: the trainer's per-epoch log lines report progress instead. */
    static final EpochProgressBar OFF = new EpochProgressBar(null);

    private final PrintStream out;
    private ProgressBar bar;
    private int lastEpoch;

    /** @param out the terminal to draw on; null draws nothing */
    EpochProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onEpochEnd(EpochStats stats, int maxEpochs) {
        if (out == null) {
            return;
        }
        if (bar == null || stats.epoch() <= lastEpoch) {
            close();
            bar = new ProgressBarBuilder().setTaskName("epoch").setInitialMax(maxEpochs)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(200).build();
        }
        lastEpoch = stats.epoch();
        bar.stepTo(stats.epoch());
        bar.setExtraMessage(message(stats));
        if (stats.epoch() >= maxEpochs) {
            close();
        }
    }

    /** e.g. {@code loss 0.1234 val 0.9600 1520/s}: short, so an 80-column terminal still shows the bar. */
    static String message(EpochStats stats) {
        String validation = stats.hasValidation()
                ? String.format(Locale.ROOT, " val %.4f", stats.validationMetric()) : "";
        return String.format(Locale.ROOT, "loss %.4f%s %.0f/s", stats.loss(), validation, stats.examplesPerSecond());
    }

    /** Draws the bar's final state and ends its line; early stopping ends a fit before maxEpochs. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
