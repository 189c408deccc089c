package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many workers a fit trains with. An explicit {@code numWorkers} is always honoured. Without one, small data
 * (at most {@link #ROWS_PER_WORKER} rows) trains with one worker, else with Spark's default parallelism.
 *
 * <p>Why one worker for small data: splitting a few thousand rows over workers that average their params buys no
 * speed (each epoch is milliseconds of arithmetic) but costs a repartition, an averaging stage per epoch, and
 * models that differ from the textbook's sequential mini-batch training. One worker is plain DL4J training on the
 * same batches in the same order, bit for bit, and on a local master its epochs run without a Spark job each
 * ({@link DriverEpochs}). The bound is the rule the fold and split assignment use for its partitions: one per
 * 10,000 rows.
 */
public final class WorkerChoice {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerChoice.class);

    /** Rows up to which a fit without numWorkers trains with one worker. */
    public static final long ROWS_PER_WORKER = 10_000;

    private WorkerChoice() {
    }

    /**
     * The workers for a fit of {@code stage} on {@code rows} rows (training and validation, as the data check
     * counted them); logs why when it chooses one worker for small data.
     */
    public static int resolve(HasTrainingParams stage, String stageName, SparkSession spark, long rows) {
        int resolved = stage.resolveNumWorkers(spark);
        boolean explicit = stage.isDefined(stage.numWorkers());
        int workers = of(explicit, resolved, rows);
        if (workers != resolved) {
            LOG.info("{}: one worker for {} rows (at most {} without numWorkers): plain sequential training, no"
                            + " repartition, no averaging. Set numWorkers to spread the fit over more workers",
                    FitLabel.decorate(stageName), rows, ROWS_PER_WORKER);
        }
        return workers;
    }

    /** The rule itself: {@code resolved} if numWorkers is set or the data is not small, else 1. */
    static int of(boolean explicit, int resolved, long rows) {
        return explicit || rows > ROWS_PER_WORKER ? resolved : 1;
    }
}
