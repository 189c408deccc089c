package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkerChoiceTest {

    @Test
    void smallDataWithoutNumWorkersTrainsWithOneWorker() {
        assertEquals(1, WorkerChoice.of(false, 8, 137));
        assertEquals(1, WorkerChoice.of(false, 8, WorkerChoice.ROWS_PER_WORKER));
    }

    @Test
    void largerDataKeepsTheDefaultParallelism() {
        assertEquals(8, WorkerChoice.of(false, 8, WorkerChoice.ROWS_PER_WORKER + 1));
    }

    @Test
    void anExplicitNumWorkersIsAlwaysHonoured() {
        assertEquals(2, WorkerChoice.of(true, 2, 137));
        assertEquals(1, WorkerChoice.of(true, 1, 1_000_000));
    }
}
