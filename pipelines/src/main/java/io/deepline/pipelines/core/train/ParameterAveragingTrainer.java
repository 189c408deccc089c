package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.io.HadoopFiles;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous parameter averaging on Spark.
 *
 * <pre>
 * per epoch, in the collective sync mode ({@link CollectiveEpoch}):
 *   broadcast the epoch-start state (params, optimizer state, counters) once
 *   one barrier stage: each worker (one partition of cached mini-batches) fits averagingFrequency batches, then
 *   the workers allreduce params and optimizer state among themselves, divided by the workers that trained; repeat
 *   a failed stage is rerun from the epoch's start up to maxEpochRetries times, then the fit goes on in jobs mode
 * per epoch, in the jobs sync mode ({@link JobsEpoch}), per round:
 *   broadcast the averaged state
 *   each worker fits its next averagingFrequency batches
 *   the driver sums the workers' params and optimizer state in partition order; divide by the workers that trained
 * both modes give the same params bit for bit; {@link SyncModeChoice} resolves syncMode=auto
 * per epoch, with validation rows: score them distributed (loss without L2, and a metric); early stopping ends
 *   the loop after {@code patience} epochs without improvement and returns the best epoch's state
 * with gradientNormStop &gt; 0: the workers also sum their mini-batch gradients; the fit ends after the first
 *   epoch whose mean gradient's norm is below it (course §1.6), recorded per epoch in the history
 * with gradientDiagnostics: the workers sum their gradients as for gradientNormStop; the driver splits the mean
 *   gradient by layer and probes the averaged network for dead ReLUs ({@link LayerDiagnostics}), per epoch
 * after the last epoch (with early stopping: for the best epoch): fail if the loss the model ends with rose over
 *   the {@link DivergenceGuard}'s limit
 * with a checkpoint directory: after every checkpointInterval-th (and the last) epoch, write a
 *   {@link TrainingCheckpoint}; a later fit of the same run (same {@link TrainingFingerprint}) resumes from it
 * </pre>
 * With one worker this is exactly sequential DL4J training on the same batches in the same order; on a local master
 * with small data its epochs and validations run on the driver, without a Spark job each ({@link DriverEpochs}).
 */
public final class ParameterAveragingTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveragingTrainer.class);

    private final TrainingSettings settings;
    private final TrainingListener listener;

    public ParameterAveragingTrainer(TrainingSettings settings, TrainingListener listener) {
        this.settings = settings;
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    /**
     * @param batches mini-batches (tabular or sequence), one partition per worker, ideally persisted (each round
     *                reads them)
     * @param initial the network state to start from
     */
    public <B extends TrainingBatch> TrainingResult train(JavaRDD<B> batches, NetworkSnapshot initial) {
        return train(batches, null, initial);
    }

    /**
     * @param batches    mini-batches (tabular or sequence), one partition per worker, ideally persisted (each
     *                   round reads them)
     * @param validation persisted tabular validation batches scored after every epoch, or null for none (the
     *                   validation metrics are per row, so sequence fits run without validation for now)
     * @param initial    the network state to start from
     */
    public <B extends TrainingBatch> TrainingResult train(JavaRDD<B> batches, JavaRDD<MiniBatch> validation,
                                                          NetworkSnapshot initial) {
        if (validation == null && settings.earlyStoppingPatience() > 0) {
            throw new IllegalArgumentException(settings.stageName() + ": earlyStoppingPatience "
                    + settings.earlyStoppingPatience() + " needs validation rows; set validationFraction or"
                    + " validationIndicatorCol");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(batches.context());
        WorkerBatches counted = WorkerBatches.of(batches,
                DriverEpochs.mayApply(sc, settings.sync().mode(), batches.getNumPartitions()));
        int[] perWorker = counted.perWorker();
        requireBatches(perWorker); // before anything is written
        String runId = UUID.randomUUID().toString();
        CheckpointStore store = null;
        String fingerprint = null;
        TrainingProgress progress;
        if (settings.checkpoint().enabled()) {
            store = new CheckpointStore(new HadoopFiles(sc.hadoopConfiguration()), settings.checkpoint().dir());
            fingerprint = TrainingFingerprint.of(settings, initial, BatchesDigest.perWorker(batches),
                    validation != null);
            progress = resumeOrStart(store, fingerprint, initial);
        } else {
            progress = TrainingProgress.fresh(initial, settings);
        }
        // One small job at the start for the probe batch; the epochs' diagnostics then run on the driver alone.
        LayerDiagnostics diagnostics = settings.gradientDiagnostics()
                ? LayerDiagnostics.start(initial, batches.first()) : null;
        BatchCounters counters = BatchCounters.register(sc.sc(), settings.stageName());
        RunningTaskCounts running = new RunningTaskCounts(counters);
        sc.sc().addSparkListener(running);
        try (ProgressMonitor monitor = new ProgressMonitor(running::total, listener, LOG::info, settings.stageName(),
                FitLabel.current(), settings.maxEpochs(), IntStream.of(perWorker).sum(), System::nanoTime, true);
             EpochRunner<B> runner = EpochRunner.start(sc, batches, counted, validation, runId, settings, counters)) {
            trainEpochs(runner, sc, validation, runId, store, fingerprint, progress, diagnostics, monitor);
        } finally {
            sc.sc().removeSparkListener(running);
        }
        sc.setJobDescription(null);
        NetworkSnapshot state = progress.state;
        TrainingHistory history = progress.history;
        EarlyStopping stopping = progress.stopping;
        if (validation != null) {
            history = history.withValidationOutcome(settings.validationMetric().metricName(), stopping.bestEpoch(),
                    stopping.shouldStop());
            if (stopping.enabled()) {
                // Early stopping hands back the best epoch's params, not those of the patience epochs after it;
                // so the divergence guard judges that epoch (patience bounds the diverged epochs after it).
                state = progress.best;
                settings.divergence().checkKept(settings.stageName(), progress.divergenceReference(),
                        history.epochs().get(stopping.bestEpoch() - 1));
            }
        }
        return new TrainingResult(state, history);
    }

    /**
     * The epoch loop: train, validate, record, guard, checkpoint, tell the listener.
     *
     * @param diagnostics per-layer diagnostics to record, or null when gradientDiagnostics is off
     */
    private void trainEpochs(EpochRunner<?> runner, JavaSparkContext sc, JavaRDD<MiniBatch> validation,
                             String runId, CheckpointStore store, String fingerprint, TrainingProgress progress,
                             LayerDiagnostics diagnostics, ProgressMonitor monitor) {
        EarlyStopping stopping = progress.stopping;
        // A fit resumed from the checkpoint of a converged epoch trains no further.
        boolean converged = !progress.history.epochs().isEmpty()
                && belowGradientNormStop(progress.history.epochs().get(progress.history.numEpochs() - 1));
        for (int epoch = progress.epochs(); epoch < settings.maxEpochs() && !stopping.shouldStop() && !converged;
             epoch++) {
            long start = System.nanoTime();
            monitor.epochStarted(epoch);
            EpochResult trained = runner.run(progress.state, epoch);
            if (epoch == 0) {
                progress.startLoss = trained.startLoss();
            }
            double lossSum = trained.lossSum();
            long batchCount = trained.batches();
            long examples = trained.examples();
            NetworkSnapshot state = trained.state();
            state = state.withState(state.params(), state.updaterState(), state.iteration(), epoch + 1);
            progress.state = state;
            Double validationLoss = null;
            Double validationMetric = null;
            if (validation != null) {
                sc.setJobDescription(String.format(Locale.ROOT, "%s epoch %d/%d validation",
                        settings.stageName(), epoch + 1, settings.maxEpochs()));
                ValidationTask task = new ValidationTask(runId, state, settings.validationMetric());
                ValidationSum v = runner.onDriver() != null ? requireRows(runner.onDriver().validate(task))
                        : validate(sc, validation, task);
                validationLoss = v.loss();
                validationMetric = v.metric(settings.validationMetric());
                if (stopping.record(epoch + 1, validationLoss)) {
                    progress.best = state;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double loss = batchCount == 0 ? Double.NaN : lossSum / batchCount;
            Double gradientNorm = settings.tracksGradient() ? trained.gradientNorm() : null;
            Map<String, Double> layers = diagnostics == null ? null
                    : diagnostics.of(state, trained.gradient().mean());
            EpochStats stats = new EpochStats(epoch + 1, loss, seconds, examples,
                    examples / Math.max(seconds, 1e-9), validationLoss, validationMetric, gradientNorm, layers);
            requireFiniteLoss(stats);
            progress.history = progress.history.plus(stats);
            logEpoch(stats, progress.history);
            converged = belowGradientNormStop(stats);
            if (converged) {
                LOG.info(String.format(Locale.ROOT, "%s: gradient norm %.3g < gradientNormStop %.3g after epoch %d;"
                        + " stopping", settings.stageName(), gradientNorm, settings.gradientNormStop(), epoch + 1));
            }
            boolean last = epoch + 1 == settings.maxEpochs() || stopping.shouldStop() || converged;
            if (last && !stopping.enabled()) {
                // Only the epoch the model ends with: a spike in between that training recovers from is no
                // divergence. Before the checkpoint, as a NaN loss: a diverged epoch is not resumed from.
                settings.divergence().check(settings.stageName(), progress.divergenceReference(), stats);
            }
            if (settings.checkpoint().dueAfter(epoch + 1, last)) {
                // Before the listener: a listener that fails (or a driver killed in it) leaves this epoch saved.
                sc.setJobDescription(null);
                store.write(progress.toCheckpoint(fingerprint));
            }
            listener.onEpochEnd(stats, settings.maxEpochs());
        }
    }

    /**
     * The progress to continue from: the latest checkpoint in the checkpoint directory if it belongs to this run
     * (same fingerprint), else a fresh start. checkpointMode=overwrite always starts fresh; the first checkpoint
     * it writes replaces the old ones.
     */
    private TrainingProgress resumeOrStart(CheckpointStore store, String fingerprint, NetworkSnapshot initial) {
        CheckpointSettings checkpoint = settings.checkpoint();
        if (checkpoint.mode() == CheckpointMode.OVERWRITE) {
            LOG.info("{}: checkpointMode=overwrite, training from scratch; checkpoints in {} will be replaced",
                    settings.stageName(), store.dir());
            return TrainingProgress.fresh(initial, settings);
        }
        Optional<String> latest = store.latestPath();
        if (latest.isEmpty()) {
            return TrainingProgress.fresh(initial, settings);
        }
        String path = latest.get();
        TrainingCheckpoint found = store.read(path);
        if (!found.fingerprint().equals(fingerprint)) {
            throw new IllegalStateException(settings.stageName() + ": checkpointDir " + store.dir() + " holds a"
                    + " checkpoint (" + path + ", epoch " + found.epoch() + ") of a different training: the"
                    + " estimator's params, its network or its training data changed since it was written. Set"
                    + " checkpointMode=overwrite to train from scratch and replace it, or choose another"
                    + " checkpointDir to keep it. (A checkpointDir serves one fit: give none to estimators that"
                    + " CrossValidator, an ensemble or a selection curve fit many times.)");
        }
        if (found.epoch() > settings.maxEpochs()) {
            throw new IllegalStateException(settings.stageName() + ": the checkpoint " + path + " is after epoch "
                    + found.epoch() + ", past maxEpochs " + settings.maxEpochs() + ", so it cannot give the "
                    + settings.maxEpochs() + "-epoch model. Raise maxEpochs to at least " + found.epoch()
                    + ", set checkpointMode=overwrite, or choose another checkpointDir.");
        }
        LOG.info("{}: resuming from epoch {} of {} at {}", settings.stageName(), found.epoch(),
                settings.maxEpochs(), path);
        return TrainingProgress.resumed(found, settings, path);
    }

    private static ValidationSum validate(JavaSparkContext sc, JavaRDD<MiniBatch> validation, ValidationTask task) {
        Broadcast<ValidationTask> bc = sc.broadcast(task);
        try {
            return requireRows(validation.mapPartitions(new ValidationWorker(bc))
                    .treeAggregate(ValidationSum.empty(), ValidationSum::merge, ValidationSum::merge));
        } finally {
            bc.destroy();
        }
    }

    private static ValidationSum requireRows(ValidationSum sum) {
        if (sum.rows() == 0) {
            throw new IllegalStateException("the validation batches are empty; the validation rows changed after"
                    + " they were checked (use a deterministic, cached input)");
        }
        return sum;
    }

    private static void requireBatches(int[] batchesPerWorker) {
        if (Arrays.stream(batchesPerWorker).max().orElse(0) == 0) {
            throw new IllegalArgumentException("there are no mini-batches to train on; the training data is empty");
        }
    }

    private boolean belowGradientNormStop(EpochStats stats) {
        return settings.tracksGradient() && stats.gradientNorm() != null
                && stats.gradientNorm() < settings.gradientNormStop();
    }

    private void requireFiniteLoss(EpochStats stats) {
        boolean validationDiverged = stats.hasValidation() && !Double.isFinite(stats.validationLoss());
        boolean gradientDiverged = stats.gradientNorm() != null && !Double.isFinite(stats.gradientNorm());
        if (!Double.isFinite(stats.loss()) || validationDiverged || gradientDiverged) {
            throw new IllegalStateException(settings.stageName() + ": the training loss became " + stats.loss()
                    + (stats.hasValidation() ? " (validation loss " + stats.validationLoss() + ")" : "")
                    + " in epoch " + stats.epoch() + "; the optimizer diverged. Lower learningRate, standardize the"
                    + " features (StandardScaler), or add l2.");
        }
    }

    private void logEpoch(EpochStats stats, TrainingHistory history) {
        double eta = history.totalSeconds() / stats.epoch() * (settings.maxEpochs() - stats.epoch());
        String validation = stats.hasValidation() ? String.format(Locale.ROOT, ", validation loss %.5f %s %.4f",
                stats.validationLoss(), settings.validationMetric().metricName(), stats.validationMetric()) : "";
        LOG.info(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.5f%s, %.2f s, %.0f examples/s, ETA %.0f s",
                settings.stageName(), stats.epoch(), settings.maxEpochs(), stats.loss(), validation, stats.seconds(),
                stats.examplesPerSecond(), eta));
    }
}
