package io.deepline.jobs;

import io.deepline.pipelines.core.train.BatchProgress;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.TrainingListener;
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
 * A console progress bar of a fit. An epoch that runs 3 s or more gets a bar of its own over its mini-batches,
 * titled {@code epoch k/N}, with the epoch's loss so far, examples/s and the ETA of the whole fit, left as one line
 * when the epoch ends; a fit of quicker epochs gets one bar over its epochs, with the last epoch's loss,
 * validation metric and speed. Shown instead of the per-epoch log lines when stdout is a terminal ({@link #OFF} otherwise); a
 * new fit (epoch 1 again, e.g. the next cross-validation fold) starts a new bar.
 *
 * <p>A fit that runs with a {@link FitLabel} (a {@code tune} candidate and fold) gets a bar of its own, titled with
 * the label: {@code tune} fits several candidates at once, each calling this listener from its own threads, so the
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
        /** Counting mini-batches (else epochs). */
        final boolean batches;
        int lastEpoch;
        /** The epoch the mini-batch bar counts, 1-based. */
        int batchEpoch;

        Bar(ProgressBar drawn, boolean batches) {
            this.drawn = drawn;
            this.batches = batches;
        }
    }

    /** @param out the terminal to draw on; null draws nothing */
    EpochProgressBar(PrintStream out) {
        this.out = out;
    }

    private Bar open(String label, String title, long max, boolean batches) {
        closeBar(label);
        Bar bar = new Bar(new ProgressBarBuilder().setTaskName(title).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(200).build(), batches);
        bars.put(label, bar);
        return bar;
    }

    @Override
    public synchronized void onBatchProgress(BatchProgress p) {
        if (out == null) {
            return;
        }
        String label = Objects.requireNonNullElse(p.label(), PLAIN);
        Bar bar = bars.get(label);
        if (bar != null && !bar.batches && p.epoch() > bar.lastEpoch && p.epoch() > 1) {
            return; // a fit of quick epochs keeps its epoch bar
        }
        if (bar == null || !bar.batches || p.epoch() != bar.batchEpoch) {
            // One bar per long epoch, titled with it; the finished epoch's bar stays as a line, as Keras prints one.
            String title = (p.label() == null ? "" : p.label() + " ") + "epoch " + p.epoch() + "/" + p.maxEpochs();
            bar = open(label, title, p.batchesPerEpoch(), true);
            bar.batchEpoch = p.epoch();
        }
        bar.drawn.stepTo(p.batches());
        bar.drawn.setExtraMessage(message(p));
    }

    @Override
    public synchronized void onEpochEnd(EpochStats stats, int maxEpochs) {
        if (out == null) {
            return;
        }
        String label = Objects.requireNonNullElse(FitLabel.current(), PLAIN);
        Bar bar = bars.get(label);
        if (bar != null && bar.batches && bar.batchEpoch == stats.epoch()) {
            bar.drawn.stepTo(bar.drawn.getMax());
            bar.drawn.setExtraMessage(message(stats));
            closeBar(label);
            return;
        }
        if (bar == null || !bar.batches && stats.epoch() <= bar.lastEpoch || bar.batches) {
            bar = open(label, label, maxEpochs, false);
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

    /** e.g. {@code loss 0.3512 850/s fit ETA 6m52s}: the bar's title says the epoch; the ETA is of the whole fit. */
    static String message(BatchProgress p) {
        return String.format(Locale.ROOT, "loss %.4f %.0f/s fit ETA %s", p.meanLoss(), p.examplesPerSecond(),
                duration(p.etaSeconds()));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
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
