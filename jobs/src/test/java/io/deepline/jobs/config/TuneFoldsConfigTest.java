package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.selection.KFoldCrossValidation;
import org.junit.jupiter.api.Test;

/** {@code tune.folds}: an integer k >= 2, or {@code n} for leave-one-out (course §3.1.1). */
class TuneFoldsConfigTest {
    private static final String TUNE = """
            name: minimal
            data: {path: in.csv, label: y}
            model: {type: DeepClassifier}
            output: {model: out/model}
            tune: {FOLDS grid: {learningRate: [0.1]}}
            """;

    private final JobConfigLoader loader = new JobConfigLoader();

    private TuneSection tune(String folds) {
        return loader.parse(TUNE.replace("FOLDS", folds)).tune();
    }

    @Test
    void foldsIsKOrNForLeaveOneOut() {
        assertEquals(5, tune("").folds());
        assertFalse(tune("").leaveOneOut());
        assertEquals(3, tune("folds: 3,").folds());
        assertTrue(tune("folds: n,").leaveOneOut());
        assertTrue(tune("folds: N,").leaveOneOut());
        assertEquals(KFoldCrossValidation.LEAVE_ONE_OUT, tune("folds: n,").folds());
    }

    @Test
    void otherValuesAreRefusedNamingTheKey() {
        for (String bad : new String[] {"folds: 1,", "folds: all,", "folds: 2.5,"}) {
            JobConfigException e = assertThrows(JobConfigException.class,
                    () -> loader.parse(TUNE.replace("FOLDS", bad)));
            assertTrue(e.getMessage().startsWith("tune.folds: "), e.getMessage());
            assertTrue(e.getMessage().contains("folds: n"), e.getMessage());
        }
    }
}
