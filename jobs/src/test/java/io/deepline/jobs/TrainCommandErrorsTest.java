package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a user can get a job wrong ends with exit code 2 and one line on stderr that names the key and the fix,
 * with no stack trace, and so does a problem with the data. None of these runs trains a model.
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
    void aRowWithMoreFieldsThanTheHeaderIsNamed(SparkSession spark) throws Exception {
        Path extra = dir.resolve("extra.csv");
        Files.writeString(extra, "a,b,label\n" + "1.0,2.0,0\n".repeat(10) + "3.0,4.0,1,9\n" + "5.0,6.0,1\n".repeat(10));
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), extra.toString());

        assertConfigError(yaml, "data.path", extra + "' at line 12", "'3.0,4.0,1,9'", "data.options.mode");
    }

    @Test
    void aHeaderOnlyFileHasNoRowsRatherThanStringColumns(SparkSession spark) throws Exception {
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "sepal_length,sepal_width,label\n");
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), header.toString());

        assertConfigError(yaml, "data.path", header.toString(), "no rows");
    }

    @Test
    void dropNullsLeavingNoRowsIsNamed(SparkSession spark) throws Exception {
        Path nulls = dir.resolve("nulls.csv");
        // Every row has a null (in b or in the label), yet both columns keep their number types.
        Files.writeString(nulls, "a,b,label\n" + "1.0,,0\n1.0,2.0,\n".repeat(3));
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), nulls.toString())
                .replace("label: label", "label: label\n  dropNulls: true");

        assertConfigError(yaml, "data.dropNulls", "dropped every row (6)");
    }

    @Test
    void aDataProblemFoundWhileFittingExitsWithTwoAndNamesTheKey(SparkSession spark) throws Exception {
        // Class numbers must be whole: the model's data check finds 0.5 while fitting (a null would be found
        // earlier, before any fitting).
        String yaml = withData("a,b,label\n1.0,2.0,0\n" + numbered(5, "4.0,0.5") + numbered(20, "6.0,1"));

        assertConfigError(yaml, "data.label: the label column 'label' has", "non-integer");
    }

    /** The model's check names its internal label column; the job adds the user's column and the key. */
    @Test
    void aSingleClassIsADataProblemNamingTheLabel(SparkSession spark) throws Exception {
        String yaml = withData("a,b,label\n" + numbered(20, "2.0,setosa"));

        assertConfigError(yaml, "data.label:", "single class", "data.label column 'label'");
    }

    /** Spark reads the text NaN as a NaN double, which VectorAssembler's handleInvalid refused in a stage failure. */
    @Test
    void nanCellsAreNamedWithTheirColumnAndTheFix(SparkSession spark) throws Exception {
        String yaml = withData("a,b,label\n" + "1.0,2.0,0\n3.0,4.0,1\n".repeat(10) + "5.0,NaN,1\n");

        assertConfigError(yaml, "data.features:", "column 'b' has 1 NaN value", "data.dropNulls: true");
    }

    /** Standardised, Infinity became NaN in the internal column standardizedFeatures, which the error named. */
    @Test
    void infinityIsNamedWithTheUsersColumn(SparkSession spark) throws Exception {
        String yaml = withData("a,b,label\n" + "1.0,2.0,0\n3.0,4.0,1\n".repeat(10) + "Infinity,2.0,1\n");

        String err = assertConfigError(yaml, "data.features:", "column 'a' has 1 infinite value");
        assertFalse(err.contains("standardizedFeatures"), err);
    }

    /** 1e308 is finite, but standardising squares it: the variance was infinite and the features NaN. */
    @Test
    void aValueTooLargeToStandardizeIsNamedWithTheUsersColumn(SparkSession spark) throws Exception {
        String yaml = withData("a,b,label\n" + "1.0,2.0,0\n3.0,4.0,1\n".repeat(10) + "1e308,2.0,1\n");

        assertConfigError(yaml, "data.features:", "column 'a' holds values as large as 1.0E308",
                "preprocess.standardize", "preprocess.divideBy");
    }

    @Test
    void aFolderOfTheUsersFilesAtOutputModelIsRefusedBeforeAnyWorkAndKept() throws Exception {
        Path theirs = Files.createDirectories(dir.resolve("model"));
        Files.writeString(theirs.resolve("thesis.tex"), "four years of work");
        // Even with overwrite; and the missing data path shows the refusal comes before any data is read.
        String yaml = JobFiles.withDataPath(JobFiles.withOutputKeys(JobFiles.irisJob(dir, 1, ""), "mode: overwrite"),
                dir.resolve("no-such.csv").toString());

        assertConfigError(yaml, "output.model: '" + theirs + "' exists", "thesis.tex", "not a saved Deepline model",
                "Choose a path that does not exist yet or an empty folder");
        assertEquals(List.of("thesis.tex"), JobFiles.names(theirs));
        assertEquals("four years of work", Files.readString(theirs.resolve("thesis.tex")));
    }

    @Test
    void aFileOfTheUsersAtOutputMetricsIsRefused() throws Exception {
        Path theirs = Files.writeString(dir.resolve("notes.txt"), "my notes");
        String yaml = JobFiles.withOutputKeys(JobFiles.irisJob(dir, 1, ""), "metrics: " + theirs);

        assertConfigError(yaml, "output.metrics: '" + theirs + "' exists", "not a Deepline metrics file");
        assertEquals("my notes", Files.readString(theirs));
        assertFalse(Files.exists(dir.resolve("model")), "refused before any training");
    }

    @Test
    void unknownOutputModeIsNamed() throws Exception {
        String yaml = JobFiles.withOutputKeys(JobFiles.irisJob(dir, 1, ""), "mode: replace");

        assertConfigError(yaml, "output.mode", "'replace'", "errorifexists, overwrite");
    }

    @Test
    void aDivergingFitExitsWithOneAndWritesNoModel(SparkSession spark) throws Exception {
        // Measured without the guard: losses 11.7, 16.4, 14.6 from a start of about 1.1, accuracy 0.25, exit 0.
        String yaml = JobFiles.irisJob(dir, 3, "").replace("updater: adam", "updater: sgd")
                .replace("learningRate: 0.01", "learningRate: 30");

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("DeepClassifier: the training loss rose from")
                && run.err().contains("divergenceFactor 3") && run.err().contains("Lower learningRate"), run.err());
        assertEquals(List.of("job.yaml"), JobFiles.names(dir), "no model folder, nor any temporary one");
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

    /** The iris job on {@code csv}, written to the test's folder. */
    /**
     * {@code n} distinct CSV lines {@code i,<rest>}: identical rows share a split (a hash of the row decides it),
     * so data of a few repeated rows can leave the training or the test split empty.
     */
    private static String numbered(int n, String rest) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(i).append(',').append(rest).append('\n');
        }
        return lines.toString();
    }

    private String withData(String csv) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        return JobFiles.withDataPath(JobFiles.irisJob(dir, 1, ""), data.toString());
    }

    /** Runs {@code train}, checks for exit code 2 and one clean message with {@code expected}; returns stderr. */
    private String assertConfigError(String yaml, String... expected) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(2, run.exitCode(), run.err());
        assertAll(Arrays.stream(expected)
                .map(e -> () -> assertTrue(run.err().contains(e), "stderr lacks '" + e + "':\n" + run.err())));
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertFalse(run.err().contains("Exception"), "no Java exception name:\n" + run.err());
        assertEquals("", run.out());
        return run.err();
    }
}
