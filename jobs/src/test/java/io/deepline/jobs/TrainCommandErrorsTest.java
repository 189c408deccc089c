package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a user can get a job wrong ends with exit code 2 and one line on stderr that names the key and the fix,
 * with no stack trace; a failure while running ends with exit code 1. None of these runs trains a model.
 */
@ExtendWith(SparkSessionExtension.class)
class TrainCommandErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownYamlKeyIsNamed() throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("label: label", "label: label\n  featurs: [p0]");

        assertConfigError(yaml, "data.featurs", "Did you mean 'features'?");
    }

    @Test
    void missingDataPathIsNamed(SparkSession spark) throws Exception {
        String missing = dir.resolve("no-such.csv").toString();
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), missing);

        assertConfigError(yaml, "data.path", missing);
    }

    @Test
    void unknownModelParamIsNamedWithTheKnownOnes() throws Exception {
        assertConfigError(JobFiles.irisJob(dir, 1, ", learningRte: 0.1"), "model.params.learningRte",
                "Did you mean 'learningRate'?", "averagingFrequency");
    }

    @Test
    void invalidParamValueIsNamed() throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("learningRate: 0.01", "learningRate: -1");

        assertConfigError(yaml, "model.params.learningRate", "-1");
    }

    @Test
    void wrongParamTypeIsNamed() throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("batchSize: 16", "batchSize: big");

        assertConfigError(yaml, "model.params.batchSize", "'big'", "whole number");
    }

    @Test
    void splitThatDoesNotSumToOneFails() throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("test: 0.2", "test: 0.3");

        assertConfigError(yaml, "split:", "sum to 1");
    }

    @Test
    void unknownModelTypeListsTheKnownOnes() throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("type: DeepClassifier", "type: DeepClasifier");

        assertConfigError(yaml, "model.type", "DeepClassifier");
    }

    @Test
    void missingLabelColumnListsTheColumns(SparkSession spark) throws Exception {
        String yaml = JobFiles.irisJob(dir, 1, "").replace("label: label", "label: species");

        assertConfigError(yaml, "data.label", "'species'", "petal_length");
    }

    @Test
    void aFailureWhileRunningExitsWithOneAndNamesTheCause(SparkSession spark) throws Exception {
        // Class numbers must be whole: the model's data check finds 0.5 while fitting (a null would now be a
        // job-file error, data.dropNulls, found before any fitting).
        Path halves = dir.resolve("halves.csv");
        // Distinct rows: identical ones share a split (a hash of the row decides it), and both splits need rows.
        StringBuilder rows = new StringBuilder("a,b,label\n1.0,2.0,0\n");
        for (int i = 0; i < 25; i++) {
            rows.append(i).append(i < 5 ? ",4.0,0.5\n" : ",6.0,1\n");
        }
        Files.writeString(halves, rows.toString());
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), halves.toString());

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("label column 'label' has") && run.err().contains("non-integer"), run.err());
        assertTrue(run.err().contains("--verbose"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void missingJobFileIsNamed() {
        JobFiles.Run run = JobFiles.run("train", dir.resolve("absent.yaml").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("absent.yaml"), run.err());
    }

    @Test
    void missingCommandOrArgumentIsAUsageError() {
        assertEquals(2, JobFiles.run().exitCode());
        assertEquals(2, JobFiles.run("train").exitCode());
        assertEquals(2, JobFiles.run("fly").exitCode());
    }

    @Test
    void verbosePrintsTheStackTrace() throws Exception {
        String job = JobFiles.write(dir, JobFiles.irisJob(dir, 1, ", learningRte: 0.1"));

        JobFiles.Run run = JobFiles.run("--verbose", "train", job);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("at io.deepline."), run.err());
    }

    private void assertConfigError(String yaml, String... expected) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(2, run.exitCode(), run.err());
        assertAll(Arrays.stream(expected)
                .map(e -> () -> assertTrue(run.err().contains(e), "stderr lacks '" + e + "':\n" + run.err())));
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals("", run.out());
    }
}
