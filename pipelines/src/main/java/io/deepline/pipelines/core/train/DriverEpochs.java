package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.collective.SoloCollective;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.device.TaskCpuThreads;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The epochs (and validations) of a one-worker fit on a local master, run on the driver's thread: the worker's
 * mini-batches are collected once (by {@link WorkerBatches}' counting job), and each epoch is the very
 * {@link EpochWorker} run a one-worker task would do, with nobody to average with. On a local master the driver is the executor, so this is the same arithmetic in the
 * same process, minus a Spark job (scheduling, a broadcast of the network, a task) per epoch, which on small data
 * cost more than the epoch: 21 fits of 30 epochs on 137 rows ran 630 jobs of ~27 ms each.
 *
 * <p>Only for small data ({@link WorkerChoice#ROWS_PER_WORKER} rows at most): the collected copy sits beside the
 * cache for the whole fit. On a cluster a one-worker fit keeps its task per epoch, on an executor (and its GPU).
 */
final class DriverEpochs {
    private final List<? extends TrainingBatch> batches;
    private final List<List<MiniBatch>> validation;
    private final int taskCpus;
    private final BatchCounters counters;

    private DriverEpochs(List<? extends TrainingBatch> batches, List<List<MiniBatch>> validation, int taskCpus,
                         BatchCounters counters) {
        this.batches = batches;
        this.validation = validation;
        this.taskCpus = taskCpus;
        this.counters = counters;
    }

    /** Whether a fit of {@code workers} workers over {@code rows} rows in {@code mode} trains on the driver. */
    static boolean applies(JavaSparkContext sc, SyncMode mode, int workers, long rows) {
        return mode == SyncMode.COLLECTIVE && workers == 1 && sc.sc().isLocal()
                && rows <= WorkerChoice.ROWS_PER_WORKER;
    }

    /** Whether {@link WorkerBatches} should bring a fit's batches to the driver, if they are few enough. */
    static boolean mayApply(JavaSparkContext sc, SyncMode requested, int workers) {
        return requested != SyncMode.JOBS && workers == 1 && sc.sc().isLocal();
    }

    /**
     * The driver's epochs over {@code batches}, already on the driver; collects the validation batches, by
     * partition (one Spark job).
     *
     * @param validation the validation batches, or null for none
     * @param counters   the fit's mini-batch progress counters (added to on the driver, as a task would)
     */
    static DriverEpochs of(JavaSparkContext sc, List<? extends TrainingBatch> batches, JavaRDD<MiniBatch> validation,
                           BatchCounters counters) {
        List<List<MiniBatch>> localValidation = validation == null ? null : validation.glom().collect();
        return new DriverEpochs(batches, localValidation, sc.getConf().getInt("spark.task.cpus", 1), counters);
    }

    /** Trains one epoch as {@link SoloEpochFunction} would in a task. */
    EpochResult run(EpochTask task) {
        // As a task of the local master would: ND4J's op threads limited to the task's CPUs (they are per process).
        TaskCpuThreads.limitTo(taskCpus);
        EpochSum sum;
        try (SoloCollective solo = new SoloCollective()) {
            sum = EpochWorker.run(task, 0, batches.iterator(), solo, counters);
        }
        return CollectiveEpoch.combine(task, List.of(sum));
    }

    /** Scores the validation batches partition by partition and sums them in partition order. */
    ValidationSum validate(ValidationTask task) {
        TaskCpuThreads.limitTo(taskCpus);
        ValidationSum sum = ValidationSum.empty();
        for (List<MiniBatch> partition : validation) {
            if (!partition.isEmpty()) {
                sum.merge(ValidationWorker.score(task, partition.iterator()));
            }
        }
        return sum;
    }
}
