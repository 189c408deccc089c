package io.deepline.jobs;

import io.deepline.pipelines.train.EpochStats;
import io.deepline.pipelines.train.FitLabel;
import io.deepline.pipelines.train.TrainingListener;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar over a fit's epochs, with the last epoch's loss, validation metric and speed beside it.
 * Shown instead of the per-epoch log lines when stdout is a terminal ({@link #OFF} otherwise); a new fit (epoch 1 again, e.g. the next
 * cross-validation fold) starts a new bar.
 *
 * <p>A fit that runs with a {@link FitLabel} (a {@code tune} candidate and fold) gets a bar of its own, titled with
 * the label: {@code tune} fits several candidates at once, each calling this listener from its own thread, so the
 * bars are kept per label and never share a fit's state.
 */
final class EpochProgressBar implements TrainingListener, AutoCloseable {

    /** Draws nothing: the trainer's per-epoch log lines report progress instead. */
    static final EpochProgressBar OFF = new EpochProgressBar(null);

    /** The title of an unlabelled fit's bar. */
    private static final String PLAIN = "epoch";

    private final PrintStream out;
    /** Open bars by fit label ({@link #PLAIN} for an unlabelled fit), in the order they started. */
    private final Map<String, Bar> bars = new LinkedHashMap<>();

    private static final class Bar {
        final ProgressBar drawn;
        int lastEpoch;

        Bar(ProgressBar drawn) {
            this.drawn = drawn;
        }
    }

    /** @param out the terminal to draw on; null draws nothing */
    EpochProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onEpochEnd(EpochStats stats, int maxEpochs) {
        if (out == null) {
            return;
        }
        String label = Objects.requireNonNullElse(FitLabel.current(), PLAIN);
        Bar bar = bars.get(label);
        if (bar == null || stats.epoch() <= bar.lastEpoch) {
            closeBar(label);
            bar = new Bar(new ProgressBarBuilder().setTaskName(label).setInitialMax(maxEpochs)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(200).build());
            bars.put(label, bar);
        }
        bar.lastEpoch = stats.epoch();
        bar.drawn.stepTo(stats.epoch());
        bar.drawn.setExtraMessage(message(stats));
        if (stats.epoch() >= maxEpochs) {
            closeBar(label);
        }
    }

    /** e.g. {@code loss 0.1234 val 0.9600 1520/s}: short, so an 80-column terminal still shows the bar. */
    static String message(EpochStats stats) {
        String validation = stats.hasValidation()
                ? String.format(Locale.ROOT, " val %.4f", stats.validationMetric()) : "";
        return String.format(Locale.ROOT, "loss %.4f%s %.0f/s", stats.loss(), validation, stats.examplesPerSecond());
    }

    private void closeBar(String label) {
        Bar bar = bars.remove(label);
        if (bar != null) {
            bar.drawn.close();
        }
    }

    /** Draws the bars' final state and ends their lines; early stopping ends a fit before maxEpochs. */
    @Override
    public synchronized void close() {
        for (String label : List.copyOf(bars.keySet())) {
            closeBar(label);
        }
    }
}
