package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backend warm-up loads ND4J's real backend once per JVM, on its own thread. */
class BackendWarmUpTest {

    @Test
    void loadsTheCpuBackendOnce() throws Exception {
        var first = BackendWarmUp.start();
        assertEquals("CpuBackend", first.get(60, TimeUnit.SECONDS), "the backend the jobs jar ships");
        assertSame(first, BackendWarmUp.start(), "a second job in the same JVM does not load it again");
    }
}
