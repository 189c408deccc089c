package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndKeepsTheBest() {
        EarlyStopping stopping = new EarlyStopping(2, 0.0);
        assertTrue(stopping.record(1, 1.0));
        assertTrue(stopping.record(2, 0.5));
        assertFalse(stopping.record(3, 0.6));
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.record(4, 0.5), "equal to the best is not an improvement");
        assertTrue(stopping.shouldStop());
        assertEquals(2, stopping.bestEpoch());
    }

    @Test
    void anImprovementResetsThePatience() {
        EarlyStopping stopping = new EarlyStopping(2, 0.0);
        stopping.record(1, 1.0);
        stopping.record(2, 1.1);
        assertTrue(stopping.record(3, 0.9));
        stopping.record(4, 1.0);
        assertFalse(stopping.shouldStop());
        assertEquals(3, stopping.bestEpoch());
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotCount() {
        EarlyStopping stopping = new EarlyStopping(1, 0.1);
        stopping.record(1, 1.0);
        assertFalse(stopping.record(2, 0.95));
        assertTrue(stopping.shouldStop());
        assertEquals(1, stopping.bestEpoch());
    }

    @Test
    void patienceZeroNeverStopsButStillTracksTheBest() {
        EarlyStopping stopping = new EarlyStopping(0, 0.0);
        stopping.record(1, 0.2);
        for (int e = 2; e < 50; e++) {
            stopping.record(e, 1.0 + e);
        }
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.enabled());
        assertEquals(1, stopping.bestEpoch());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, -0.1));
    }
}
