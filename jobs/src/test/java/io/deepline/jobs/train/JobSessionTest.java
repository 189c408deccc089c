package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JobSessionTest {

    @Test
    void aMasterSetByTheLauncherWins() {
        assertNull(JobSession.masterToSet(true, "local[2]"));
        assertNull(JobSession.masterToSet(true, null));
    }

    @Test
    void otherwiseTheJobFilesMasterElseLocal() {
        assertEquals("spark://host:7077", JobSession.masterToSet(false, "spark://host:7077"));
        assertEquals("local[*]", JobSession.masterToSet(false, null));
    }
}
