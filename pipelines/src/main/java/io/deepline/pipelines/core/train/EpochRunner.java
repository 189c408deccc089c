package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.collective.CollectiveException;
import io.deepline.pipelines.core.collective.CollectiveSettings;
import io.deepline.pipelines.core.collective.Rendezvous;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.Locale;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the epochs of one fit in its sync mode: collective epochs while they succeed (each failed one rerun up to
 * maxEpochRetries times), then jobs epochs for the rest of the fit; a one-worker collective fit of small data on a
 * local master runs its epochs on the driver ({@link DriverEpochs}). Owns the fit's rendezvous on the driver.
 */
final class EpochRunner<B extends TrainingBatch> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EpochRunner.class);

    private final JavaSparkContext sc;
    private final JavaRDD<B> batches;
    private final int[] perWorker;
    private final String runId;
    private final TrainingSettings settings;
    private final BatchCounters counters;
    private final String token;
    private final CollectiveSettings collective;
    private final Rendezvous rendezvous;
    private final DriverEpochs driver;
    private SyncMode mode;

    private EpochRunner(JavaSparkContext sc, JavaRDD<B> batches, int[] perWorker, String runId,
                        TrainingSettings settings, SyncMode mode, DriverEpochs driver, BatchCounters counters) {
        this.sc = sc;
        this.batches = batches;
        this.perWorker = perWorker;
        this.runId = runId;
        this.settings = settings;
        this.counters = counters;
        this.mode = mode;
        this.driver = driver;
        // Peers present the token to each other; it is not the runId, which names cached networks in logs.
        this.token = UUID.randomUUID().toString();
        this.collective = mode == SyncMode.COLLECTIVE ? collectiveSettings(sc) : null;
        this.rendezvous = mode == SyncMode.COLLECTIVE && perWorker.length > 1 ? openRendezvous() : null;
    }

    /** The fit's meeting point on the driver; if the driver cannot listen, the fit trains in jobs mode. */
    private Rendezvous openRendezvous() {
        try {
            return Rendezvous.start(sc.getConf().get("spark.driver.host"), collective, token);
        } catch (CollectiveException e) {
            LOG.warn("{}: the driver cannot listen for the collective's rendezvous ({}); training in jobs mode",
                    settings.stageName(), e.getMessage());
            mode = SyncMode.JOBS;
            return null;
        }
    }

    /**
     * Resolves the sync mode for {@code batches}' workers (logging why) and gets ready to train.
     *
     * @param counted    the workers' batches, counted (and, for a fit that may train on the driver, collected)
     * @param validation the fit's validation batches, or null; collected too when the epochs run on the driver
     * @param counters   the fit's mini-batch progress counters, which every worker (and the driver's epochs) adds to
     */
    static <B extends TrainingBatch> EpochRunner<B> start(JavaSparkContext sc, JavaRDD<B> batches,
                                                         WorkerBatches counted, JavaRDD<MiniBatch> validation,
                                                         String runId, TrainingSettings settings,
                                                         BatchCounters counters) {
        int[] perWorker = counted.perWorker();
        SyncMode mode = SyncModeChoice.resolve(settings.stageName(), settings.sync().mode(), perWorker.length,
                sc.sc()).mode();
        DriverEpochs driver = null;
        if (DriverEpochs.applies(sc, mode, perWorker.length, counted.rows()) && counted.collected() != null) {
            LOG.info("{}: one worker, {} rows, local master: the epochs run on the driver, without a Spark job each",
                    settings.stageName(), counted.rows());
            if (validation != null) {
                sc.setJobDescription(settings.stageName() + " validation batches to the driver");
            }
            driver = DriverEpochs.of(sc, counted.collected(), validation, counters);
        }
        return new EpochRunner<>(sc, batches, perWorker, runId, settings, mode, driver, counters);
    }

    /** The driver-side epochs, if this fit trains on the driver (its validation runs there too), else null. */
    DriverEpochs onDriver() {
        return driver;
    }

    /** Trains epoch {@code epoch} (0-based) from {@code start}. */
    EpochResult run(NetworkSnapshot start, int epoch) {
        if (mode == SyncMode.COLLECTIVE) {
            EpochTask task = new EpochTask(runId, token, start, epoch, settings.averagingFrequency(), settings.seed(),
                    perWorker, collective, rendezvous == null ? null : rendezvous.address(), settings.tracksGradient());
            if (driver != null) {
                return driver.run(task);
            }
            EpochResult trained = collectiveEpoch(task);
            if (trained != null) {
                return trained;
            }
            mode = SyncMode.JOBS;
        }
        int rounds = EpochTask.rounds(perWorker, settings.averagingFrequency());
        return JobsEpoch.run(sc, batches, runId, start, epoch, rounds, settings, counters);
    }

    @Override
    public void close() {
        if (rendezvous != null) {
            rendezvous.close();
        }
    }

    /**
     * One collective epoch, rerun from its start up to maxEpochRetries times if its stage fails (a lost executor,
     * a timed-out peer); null when it still fails.
     */
    private EpochResult collectiveEpoch(EpochTask task) {
        int retries = settings.sync().maxEpochRetries();
        for (int attempt = 0; ; attempt++) {
            sc.setJobDescription(String.format(Locale.ROOT, "%s epoch %d/%d (collective, %d workers%s)",
                    settings.stageName(), task.epoch() + 1, settings.maxEpochs(), task.workers(),
                    attempt == 0 ? "" : ", retry " + attempt));
            try {
                return CollectiveEpoch.run(sc, batches, task, counters);
            } catch (Exception e) {
                if (!StageFailures.isRetryable(e)) {
                    throw StageFailures.rethrow(e);
                }
                if (attempt >= retries) {
                    LOG.warn("{}: epoch {} failed in collective mode {} times ({}); training the rest of the fit"
                                    + " in jobs mode", settings.stageName(), task.epoch() + 1, attempt + 1,
                            StageFailures.summary(e));
                    return null;
                }
                LOG.warn("{}: epoch {} failed in collective mode ({}); rerunning it from its start, retry {} of {}",
                        settings.stageName(), task.epoch() + 1, StageFailures.summary(e), attempt + 1, retries);
            }
        }
    }

    /**
     * The collective's ports and timeout: the Spark conf's, unless this thread sets its own as Spark local
     * properties (as with a scheduler pool), e.g. to give concurrent fits different port ranges.
     */
    private static CollectiveSettings collectiveSettings(JavaSparkContext sc) {
        return CollectiveSettings.parse(setting(sc, CollectiveSettings.PORTS_KEY),
                setting(sc, CollectiveSettings.TIMEOUT_KEY));
    }

    private static String setting(JavaSparkContext sc, String key) {
        String local = sc.getLocalProperty(key);
        return local != null ? local : sc.getConf().get(key, null);
    }
}
