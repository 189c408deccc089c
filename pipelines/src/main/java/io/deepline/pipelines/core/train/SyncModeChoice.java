package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.interop.ScalaCollections;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code syncMode} for one fit. A barrier stage needs all its tasks running at once, so collective mode
 * needs as many free task slots as workers, and Spark refuses barrier stages under dynamic allocation. Checking
 * before submitting matters: Spark would otherwise retry an unschedulable barrier job for minutes before failing.
 *
 * @param mode   {@link SyncMode#COLLECTIVE} or {@link SyncMode#JOBS}
 * @param reason why, for the log
 */
public record SyncModeChoice(SyncMode mode, String reason) {
    private static final Logger LOG = LoggerFactory.getLogger(SyncModeChoice.class);
    static final String DYNAMIC_ALLOCATION_KEY = "spark.dynamicAllocation.enabled";

    /** Resolves {@code requested} for a fit of {@code workers} workers on {@code sc}, and logs the choice. */
    public static SyncModeChoice resolve(String stageName, SyncMode requested, int workers, SparkContext sc) {
        boolean dynamicAllocation = sc.conf().getBoolean(DYNAMIC_ALLOCATION_KEY, false);
        SyncModeChoice choice = decide(requested, workers, dynamicAllocation, workers > 1 ? freeSlots(sc) : 1);
        if (requested == SyncMode.AUTO) {
            LOG.info("{}: syncMode auto chose {}: {}", stageName, choice.mode().paramValue(), choice.reason());
        }
        return choice;
    }

    /**
     * The decision itself, from what the cluster offers.
     *
     * @throws IllegalStateException when collective mode is requested explicitly but cannot be scheduled
     */
    static SyncModeChoice decide(SyncMode requested, int workers, boolean dynamicAllocation, int freeSlots) {
        if (requested == SyncMode.JOBS) {
            return new SyncModeChoice(SyncMode.JOBS, "syncMode=jobs");
        }
        if (workers <= 1) {
            // One worker averages with nobody: a plain task per epoch, no barrier, no sockets.
            return new SyncModeChoice(SyncMode.COLLECTIVE, "one worker trains each epoch in one plain task");
        }
        String obstacle = null;
        if (dynamicAllocation) {
            obstacle = DYNAMIC_ALLOCATION_KEY + " is true, and Spark runs no barrier stage under dynamic"
                    + " allocation";
        } else if (freeSlots < workers) {
            obstacle = "only " + freeSlots + " task slots are free for the " + workers + " workers, which a barrier"
                    + " stage must run at once";
        }
        if (obstacle == null) {
            return new SyncModeChoice(SyncMode.COLLECTIVE, workers + " workers fit in the " + freeSlots
                    + " free task slots");
        }
        if (requested == SyncMode.COLLECTIVE) {
            throw new IllegalStateException("syncMode=collective cannot run: " + obstacle + ". Set syncMode=auto or"
                    + " jobs, lower numWorkers to at most the free task slots, or turn dynamic allocation off.");
        }
        return new SyncModeChoice(SyncMode.JOBS, obstacle);
    }

    /** Task slots of the default resource profile (as Spark's own barrier check counts them) minus running tasks. */
    static int freeSlots(SparkContext sc) {
        int slots = sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
        return Math.max(0, slots - runningTasks(sc));
    }

    /**
     * The tasks running now, as the task scheduler counts them. Not the status tracker's count: that one is fed by
     * the listener bus, which lags behind the scheduler, so right after the fit's own batch-counting job it could
     * still count that job's tasks as running (seen on a loaded 2-core machine: "only 0 task slots are free" on
     * local[2] with nothing running). The tracker is the fallback for a scheduler of another kind.
     */
    static int runningTasks(SparkContext sc) {
        if (sc.taskScheduler() instanceof TaskSchedulerImpl scheduler) {
            int running = 0;
            for (Object count : ScalaCollections.asJavaMap(scheduler.runningTasksByExecutors()).values()) {
                running += (Integer) count;
            }
            return running;
        }
        int running = 0;
        for (SparkExecutorInfo executor : sc.statusTracker().getExecutorInfos()) {
            running += executor.numRunningTasks();
        }
        return running;
    }
}
