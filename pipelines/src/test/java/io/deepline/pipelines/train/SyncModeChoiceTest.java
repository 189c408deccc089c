package io.deepline.pipelines.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
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
}
