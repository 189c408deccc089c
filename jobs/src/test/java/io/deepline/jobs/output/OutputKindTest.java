package io.deepline.jobs.output;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.train.MetricsReport;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.tools.report.ReportFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputKind} tells Deepline's own outputs from a user's files, and {@link OwnedOutputs} refuses the user's.
 * A saved model is recognised in the train tests, which save real ones.
 */
class OutputKindTest {

    private static final Configuration HADOOP = new Configuration();

    @TempDir
    Path dir;

    private OutputKind kindOf(Path path) {
        return OutputKind.of(path.toString(), HADOOP);
    }

    @Test
    void recognisesDeeplineMetricsAndReportsByTheirContent() throws IOException {
        Path metrics = dir.resolve("metrics.json");
        MetricsReport.write(Map.of("name", "iris", "modelPath", "target/models/iris", "accuracy", 0.9),
                metrics.toString(), HADOOP);
        Path report = dir.resolve("report");
        new ReportFolder("iris", "{\"accuracy\": 0.9}").write(new HadoopFiles(HADOOP), report.toString());
        Path otherJson = Files.writeString(dir.resolve("settings.json"), "{\"name\": \"mine\"}");
        Path otherPage = dir.resolve("site");
        Files.createDirectories(otherPage);
        Files.writeString(otherPage.resolve("index.html"), "<html><body><h1>My site</h1></body></html>");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertAll(
                () -> assertEquals(OutputKind.METRICS, kindOf(metrics)),
                () -> assertEquals(OutputKind.REPORT, kindOf(report)),
                () -> assertEquals(OutputKind.OTHER_FILE, kindOf(otherJson)),
                () -> assertEquals(OutputKind.OTHER_FOLDER, kindOf(otherPage)),
                () -> assertEquals(OutputKind.EMPTY_FOLDER, kindOf(empty)),
                () -> assertEquals(OutputKind.ABSENT, kindOf(dir.resolve("absent"))));
    }

    @Test
    void aUsersFolderIsRefusedEvenWhenReplacingIsAllowedAndItsFilesAreNamed() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("customers.csv"), "id,name\n1,Ada\n");

        JobConfigException e = assertThrows(JobConfigException.class, () -> new OwnedOutputs(HADOOP)
                .require("output.model", data.toString(), OutputKind.MODEL, true, "Set output.mode: overwrite"));

        assertEquals("output.model", e.keyPath());
        assertTrue(e.getMessage().contains(data.toString()) && e.getMessage().contains("customers.csv")
                && e.getMessage().contains("not a saved Deepline model"), e.getMessage());
        assertEquals("id,name\n1,Ada\n", Files.readString(data.resolve("customers.csv")));
    }

    @Test
    void deeplinesOwnOutputIsReplacedOnlyWhenAskedAndAFreePathAlways() throws IOException {
        Path metrics = dir.resolve("metrics.json");
        MetricsReport.write(Map.of("name", "iris", "modelPath", "m"), metrics.toString(), HADOOP);
        OwnedOutputs outputs = new OwnedOutputs(HADOOP);

        JobConfigException e = assertThrows(JobConfigException.class, () -> outputs.require("output.metrics",
                metrics.toString(), OutputKind.METRICS, false, "Set output.mode: overwrite"));
        assertTrue(e.getMessage().startsWith("output.metrics: '" + metrics + "' already holds a Deepline metrics"
                + " file. Set output.mode: overwrite"), e.getMessage());

        outputs.require("output.metrics", metrics.toString(), OutputKind.METRICS, true, "");
        outputs.require("output.model", Files.createDirectories(dir.resolve("empty")).toString(), OutputKind.MODEL,
                false, "");
        outputs.require("output.model", dir.resolve("absent").toString(), OutputKind.MODEL, false, "");
    }
}
