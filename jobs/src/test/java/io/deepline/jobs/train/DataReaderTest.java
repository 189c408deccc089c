package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reading the data file: what Spark would skip, mend or misreport silently is refused, naming the path. */
@ExtendWith(SparkSessionExtension.class)
class DataReaderTest {

    private static final Map<String, String> HEADER = Map.of("header", "true", "inferSchema", "true");
    private static final String GOOD_ROWS = "1.0,2.0,0\n5.0,6.0,1\n";

    @TempDir
    Path dir;

    @Test
    void aRowWithExtraFieldsIsRefusedNamingTheFileAndTheRecord(SparkSession spark) throws Exception {
        Path csv = write("extra.csv", "a,b,label\n" + GOOD_ROWS + "3.0,4.0,1,9\n");
        Dataset<Row> data = DataReader.read(spark, csv(csv, HEADER));

        // A read of one column, as a job that uses some columns does: Spark parses only those unless told not to.
        JobConfigException e = assertThrows(JobConfigException.class, () -> MalformedRecords.reported(spark,
                csv.toString(), "data.path", () -> data.select("a").collectAsList()));

        assertEquals("data.path", e.keyPath());
        assertProblemHas(e, csv.toUri().getPath() + "' at line 4", "'3.0,4.0,1,9'");
        assertTrue(e.fix().contains("data.options.mode: DROPMALFORMED"), e.fix());
    }

    @Test
    void aRowWithTooFewFieldsIsRefused(SparkSession spark) throws Exception {
        Path csv = write("fewer.csv", "a,b,label\n" + GOOD_ROWS + "3.0,4.0\n");
        Dataset<Row> data = DataReader.read(spark, csv(csv, HEADER));

        JobConfigException e = assertThrows(JobConfigException.class, () -> MalformedRecords.reported(spark,
                csv.toString(), "predict.input.path", () -> data.collectAsList()));

        assertEquals("predict.input.path", e.keyPath());
        assertTrue(e.problem().contains("'3.0,4.0'"), e.problem());
        assertTrue(e.fix().contains("predict.input.options.mode"), e.fix());
    }

    @Test
    void aValueThatDoesNotParseIsRefusedWithTheParserMessage(SparkSession spark) throws Exception {
        Path csv = write("letters.csv", "a,b,label\n" + GOOD_ROWS + "3.0,x,1\n");
        Dataset<Row> data = spark.read().schema("a double, b double, label int")
                .options(DataReader.withDefaults(DataFormat.CSV, Map.of("header", "true"))).csv(csv.toString());

        JobConfigException e = assertThrows(JobConfigException.class, () -> MalformedRecords.reported(spark,
                csv.toString(), "data.path", () -> data.collectAsList()));

        assertTrue(e.problem().contains("does not fit its column's type") && e.problem().contains("\"x\""),
                e.problem());
    }

    @Test
    void theJobFileCanRelaxTheModeInAnyCase(SparkSession spark) throws Exception {
        Path csv = write("extra.csv", "a,b,label\n" + GOOD_ROWS + "3.0,4.0,1,9\n");

        List<Row> mended = DataReader.read(spark, csv(csv, Map.of("header", "true", "MODE", "permissive")))
                .collectAsList();
        List<Row> dropped = DataReader.read(spark, csv(csv, Map.of("header", "true", "mode", "DROPMALFORMED")))
                .collectAsList();

        assertEquals(3, mended.size());
        assertEquals(2, dropped.size());
    }

    @Test
    void anEmptyFileIsCalledEmpty(SparkSession spark) throws Exception {
        Path csv = write("empty.csv", "");

        JobConfigException e = refused(spark, csv);

        assertEquals("data.path", e.keyPath());
        assertProblemHas(e, csv.toString(), "is empty", "no columns");
    }

    @Test
    void aHeaderOnlyFileHasNoRows(SparkSession spark) throws Exception {
        Path csv = write("header.csv", "sepal_length,label\n");

        assertProblemHas(refused(spark, csv), csv.toString(), "no rows", "only a header line");
    }

    @Test
    void aFileNamedLikeAHiddenFileIsNamedWithTheRule(SparkSession spark) throws Exception {
        Path csv = write("_iris.csv", "a,label\n1.0,0\n");

        JobConfigException e = refused(spark, csv);

        assertEquals("data.path", e.keyPath());
        assertTrue(e.problem().contains("only hidden files (_iris.csv)") && e.problem().contains("'_' or '.'"),
                e.problem());
        assertTrue(e.fix().contains("Rename the file (e.g. 'iris.csv')"), e.fix());
    }

    @Test
    void aFolderOfHiddenFilesOrNoFilesIsRefused(SparkSession spark) throws Exception {
        Path hidden = Files.createDirectories(dir.resolve("hidden"));
        Files.writeString(hidden.resolve(".part.csv"), "a,label\n1.0,0\n");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        JobConfigException onlyHidden = refused(spark, hidden);
        JobConfigException noFiles = refused(spark, empty);

        assertTrue(onlyHidden.problem().contains("only hidden files (.part.csv)"), onlyHidden.problem());
        assertTrue(noFiles.problem().contains("has no files"), noFiles.problem());
    }

    @Test
    void sparkOutputFoldersAndHiddenFolderNamesGivenOutrightAreRead(SparkSession spark) throws Exception {
        Path output = Files.createDirectories(dir.resolve("_staged"));
        Files.writeString(output.resolve("_SUCCESS"), "");
        Files.writeString(output.resolve("part-00000.csv"), "a,b,label\n" + GOOD_ROWS);

        assertEquals(2, DataReader.read(spark, csv(output, HEADER)).count());
    }

    /** What reading {@code path} as a headed CSV is refused with. */
    private static JobConfigException refused(SparkSession spark, Path path) {
        return assertThrows(JobConfigException.class, () -> DataReader.read(spark, csv(path, HEADER)));
    }

    private static void assertProblemHas(JobConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.problem().contains(part), "lacks '" + part + "': " + e.problem());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static DataSection csv(Path path, Map<String, String> options) {
        return new DataSection(path.toString(), DataFormat.CSV, options, "label", null, null, null);
    }
}
