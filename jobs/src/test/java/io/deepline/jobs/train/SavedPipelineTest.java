package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A model path that does not exist: the user's mistake when they named it, a damaged registry when it did. */
@ExtendWith(SparkSessionExtension.class)
class SavedPipelineTest {

    @Test
    void aMissingPathTheUserNamedIsAJobFileError(SparkSession spark, @TempDir Path dir) {
        String absent = dir.resolve("model").toString();

        JobConfigException e = assertThrows(JobConfigException.class, () -> SavedPipeline.load(absent,
                "predict.model"));

        assertEquals("predict.model", e.keyPath());
        assertTrue(e.problem().contains("'" + absent + "'") && e.fix().contains("output.model"), e.getMessage());
    }

    /** Hadoop's "Input path does not exist" said neither which version nor what to do. */
    @Test
    void aMissingChampionModelNamesTheDamagedRegistryAndTheRollback(SparkSession spark, @TempDir Path dir) {
        String absent = dir.resolve("versions/3/model").toString();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SavedPipeline.loadRegistered(
                absent, "the champion, version 3 of " + dir));

        assertTrue(e.getMessage().startsWith("the champion, version 3 of " + dir + " has no model: '" + absent
                + "' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("CHAMPION"), e.getMessage());
    }
}
