package io.deepline.jobs.tune;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.SparkSession;

/**
 * How many candidates {@code tune} fits at once when {@code tune.parallelism} is not given: as many as the cluster's
 * task slots hold side by side, each fit taking {@code numWorkers} of them (MLlib's CrossValidator leaves
 * {@code parallelism} at 1 and lets the user guess). Running more fits than slots would only make them wait for
 * each other's tasks; fewer leaves cores idle between a fit's rounds.
 *
 * <p>The slots are Spark's default parallelism: the total executor cores (local[n]: n) unless
 * {@code spark.default.parallelism} says otherwise, the figure a network estimator's own default numWorkers uses.
 */
public final class TuneParallelism {
    private TuneParallelism() {
    }

    /**
     * @param configured {@code tune.parallelism}, or null to derive it
     * @param estimator  the network estimator whose grid is tuned
     */
    public static int resolve(Integer configured, SparkSession spark, Estimator<?> estimator, ParamMap[] grid) {
        if (configured != null) {
            return configured;
        }
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        return of(slots, workersPerFit(estimator, grid, slots));
    }

    /** {@code slots / workers}, at least 1. */
    static int of(int slots, int workersPerFit) {
        return Math.max(1, slots / Math.max(1, workersPerFit));
    }

    /**
     * The largest numWorkers any candidate trains with (the grid may vary it); an estimator without the Param is
     * taken to use every slot, which fits one candidate at a time.
     */
    static int workersPerFit(Estimator<?> estimator, ParamMap[] grid, int slots) {
        if (!estimator.hasParam("numWorkers")) {
            return slots;
        }
        int most = 1;
        for (ParamMap candidate : grid) {
            Estimator<?> fit = estimator.copy(candidate);
            Param<Object> numWorkers = fit.getParam("numWorkers");
            int workers = fit.isDefined(numWorkers) ? ((Number) fit.getOrDefault(numWorkers)).intValue() : slots;
            most = Math.max(most, workers);
        }
        return most;
    }
}
