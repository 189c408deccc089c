package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How {@code syncMode=auto} resolves, and why it says so. */
@ExtendWith(SparkSessionExtension.class)
class SyncModeChoiceTest {

    @Test
    void autoPicksCollectiveWhenTheWorkersFitAndJobsOtherwiseSayingWhy() {
        assertEquals(SyncMode.COLLECTIVE, SyncModeChoice.decide(SyncMode.AUTO, 2, false, 2).mode());
        SyncModeChoice dynamic = SyncModeChoice.decide(SyncMode.AUTO, 2, true, 8);
        assertEquals(SyncMode.JOBS, dynamic.mode());
        assertTrue(dynamic.reason().contains("spark.dynamicAllocation.enabled"), dynamic.reason());
        SyncModeChoice busy = SyncModeChoice.decide(SyncMode.AUTO, 4, false, 3);
        assertEquals(SyncMode.JOBS, busy.mode());
        assertTrue(busy.reason().contains("only 3 task slots") && busy.reason().contains("4 workers"),
                busy.reason());
    }

    @Test
    void oneWorkerIsAPlainTaskAndJobsIsAlwaysHonoured() {
        assertEquals(SyncMode.COLLECTIVE, SyncModeChoice.decide(SyncMode.AUTO, 1, true, 0).mode());
        assertEquals(SyncMode.JOBS, SyncModeChoice.decide(SyncMode.JOBS, 2, false, 8).mode());
    }

    @Test
    void anExplicitCollectiveThatCannotBeScheduledFailsAtOnceSayingHowToFixIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SyncModeChoice.decide(SyncMode.COLLECTIVE, 4, false, 3));
        assertTrue(e.getMessage().contains("syncMode=collective") && e.getMessage().contains("numWorkers"),
                e.getMessage());
    }

    @Test
    void theSessionsFreeSlotsDecide(SparkSession spark) {
        // The test session is local[3]: three slots, none busy between jobs.
        assertEquals(3, SyncModeChoice.freeSlots(spark.sparkContext()));
        assertEquals(SyncMode.COLLECTIVE,
                SyncModeChoice.resolve("test", SyncMode.AUTO, 3, spark.sparkContext()).mode());
        SyncModeChoice tooMany = SyncModeChoice.resolve("test", SyncMode.AUTO, 4, spark.sparkContext());
        assertEquals(SyncMode.JOBS, tooMany.mode());
        assertTrue(tooMany.reason().contains("only 3 task slots"), tooMany.reason());
    }

    /** Tasks of {@link #busyTasksHoldSlotsAndAFinishedJobFreesThemAtOnce} count down here, then wait for release. */
    private static CountDownLatch started;
    private static CountDownLatch release;

    @Test
    void busyTasksHoldSlotsAndAFinishedJobFreesThemAtOnce(SparkSession spark) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        started = new CountDownLatch(2);
        release = new CountDownLatch(1);
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            Future<?> job = driver.submit(() -> sc.parallelize(List.of(1, 2), 2).foreach(x -> {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
            }));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the two tasks did not start");
            assertEquals(2, SyncModeChoice.runningTasks(spark.sparkContext()));
            assertEquals(1, SyncModeChoice.freeSlots(spark.sparkContext()));
            release.countDown();
            job.get(30, TimeUnit.SECONDS);
            // Straight after the job, before the listener bus need have delivered its task ends: the scheduler has
            // already let the slots go (the status tracker could still count the two tasks here).
            assertEquals(3, SyncModeChoice.freeSlots(spark.sparkContext()));
        } finally {
            release.countDown();
            driver.shutdownNow();
        }
    }
}
