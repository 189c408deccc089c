package io.deepline.pipelines.core.train;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * Polls a fit's mini-batch counts on the driver once a second and tells the listener where an epoch of
 * {@value #QUIET_SECONDS} s or more is (a console bar), and logs a progress line when an epoch has run {@value #LOG_EVERY_SECONDS} s or more since its
 * start or the last such line (so a long epoch in a non-interactive run does not look frozen, and a short one
 * adds no lines).
 */
final class ProgressMonitor implements AutoCloseable {
    static final long LOG_EVERY_SECONDS = 30;
    /** The listener hears of an epoch only once it has run this long: quick epochs are reported by their end. */
    static final long QUIET_SECONDS = 3;

    private final Supplier<double[]> totals;
    private final TrainingListener listener;
    private final Consumer<String> log;
    private final String stageName;
    private final String label;
    private final int maxEpochs;
    private final long batchesPerEpoch;
    private final LongSupplier nanos;
    private final ScheduledExecutorService poller;

    private final long fitStart;
    private int epoch;
    /** The first epoch this run trains (a resumed fit starts past 0): the pace is of this run's epochs. */
    private int firstEpoch = -1;
    private double[] atEpochStart = new double[3];
    private long epochStart;
    private long lastLog;
    private long lastBatches = -1;

    /**
     * @param totals {batches, examples, loss sum} so far in the fit
     * @param log    where progress lines go (the trainer's INFO log)
     * @param nanos  the clock (System::nanoTime; tests pass their own)
     * @param poll   whether to poll on a daemon thread (tests call {@link #poll()} themselves)
     */
    ProgressMonitor(Supplier<double[]> totals, TrainingListener listener, Consumer<String> log, String stageName, String label,
                    int maxEpochs, long batchesPerEpoch, LongSupplier nanos, boolean poll) {
        this.totals = totals;
        this.listener = listener;
        this.log = log;
        this.stageName = stageName;
        this.label = label;
        this.maxEpochs = maxEpochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.nanos = nanos;
        this.fitStart = nanos.getAsLong();
        if (poll) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deepline-progress " + stageName);
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollQuietly, 1, 1, TimeUnit.SECONDS);
        } else {
            poller = null;
        }
    }

    /** The driver starts training {@code epoch} (0-based) with the counts as they are now. */
    synchronized void epochStarted(int epoch) {
        this.epoch = epoch;
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
        this.atEpochStart = totals.get();
        this.epochStart = nanos.getAsLong();
        this.lastLog = epochStart;
        this.lastBatches = -1;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // Progress is a courtesy: a listener or a Spark call that fails here must not stop the fit.
            log.accept(stageName + ": progress poll failed (training goes on): " + e);
        }
    }

    /** Reads the counts and reports the epoch's progress if it moved. */
    synchronized BatchProgress poll() {
        double[] now = totals.get();
        long batches = Math.min(batchesPerEpoch, Math.max(0, Math.round(now[0] - atEpochStart[0])));
        if (batches == lastBatches) {
            return null;
        }
        lastBatches = batches;
        long t = nanos.getAsLong();
        double epochSeconds = Math.max((t - epochStart) / 1e9, 1e-9);
        double examples = now[1] - atEpochStart[1];
        double loss = batches == 0 ? Double.NaN : (now[2] - atEpochStart[2]) / batches;
        long doneInRun = (long) (epoch - firstEpoch) * batchesPerEpoch + batches;
        long leftInFit = (long) maxEpochs * batchesPerEpoch - ((long) epoch * batchesPerEpoch + batches);
        double eta = doneInRun == 0 ? Double.NaN : (t - fitStart) / 1e9 / doneInRun * leftInFit;
        BatchProgress progress = new BatchProgress(label, epoch + 1, maxEpochs, batches, batchesPerEpoch, loss,
                examples / epochSeconds, eta);
        if (t - epochStart >= TimeUnit.SECONDS.toNanos(QUIET_SECONDS)) {
            listener.onBatchProgress(progress);
        }
        if (t - lastLog >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS) && batches < batchesPerEpoch) {
            lastLog = t;
            log.accept(line(label == null ? stageName : label + " " + stageName, progress));
        }
        return progress;
    }

    /** e.g. {@code DeepClassifier epoch 3/10: 1200/5000 mini-batches, loss 0.35120, 850 examples/s, ETA 412 s}. */
    static String line(String name, BatchProgress p) {
        return String.format(Locale.ROOT, "%s epoch %d/%d: %d/%d mini-batches, loss %.5f, %.0f examples/s, ETA %.0f s",
                name, p.epoch(), p.maxEpochs(), p.batches(), p.batchesPerEpoch(), p.meanLoss(), p.examplesPerSecond(),
                p.etaSeconds());
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
