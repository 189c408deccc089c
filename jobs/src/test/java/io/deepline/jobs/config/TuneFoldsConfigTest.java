package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.tools.selection.KFoldCrossValidation;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.pipelines.testing.DataSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The shipped examples of folds: n and family: gaussianHeteroskedastic parse, and their params bind. */
    @ParameterizedTest
    @ValueSource(strings = {"iris-loo-tune.yaml", "iris-heteroskedastic.yaml"})
    void shippedExamplesParse(String example) throws Exception {
        Path file = DataSamples.dir().resolveSibling("conf/examples").resolve(example);
        JobConfig c = loader.load(file.toString(), new Configuration());
        assertTrue(Files.exists(DataSamples.dir().resolveSibling(c.data().path())), c.data().path());
        ModelTypes.standard().configure(c.model(), "model");
        assertEquals(example.contains("-loo-"), c.tune() != null && c.tune().leaveOneOut());
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
