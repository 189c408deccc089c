package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline evaluate} end to end: a model trained by {@code train}, measured again from its saved files. */
@ExtendWith(SparkSessionExtension.class)
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reproducesTheTrainTimeMetricsOnTheTestSplitAndWritesAReport(@TempDir Path dir) throws Exception {
        String job = JobFiles.write(dir, JobFiles.irisJob(dir, 15, ""));
        assertEquals(0, JobFiles.run("train", job).exitCode());
        JsonNode trained = JSON.readTree(dir.resolve("model/metrics.json").toFile());

        JobFiles.Run run = JobFiles.run("evaluate", job);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode evaluated = JSON.readTree(dir.resolve("model/evaluation/metrics.json").toFile());
        assertEquals(trained.get("testRows").asLong(), evaluated.get("rows").asLong());
        assertEquals("the test split", evaluated.get("evaluatedOn").asText());
        for (String key : new String[] {"accuracy", "f1Macro", "logLoss"}) {
            assertEquals(trained.get(key).asDouble(), evaluated.get(key).asDouble(), 1e-12, key);
        }
        assertEquals(trained.get("confusionMatrix"), evaluated.get("confusionMatrix"));
        assertTrue(Files.exists(dir.resolve("model/evaluation/report/index.html")));
        assertTrue(Files.exists(dir.resolve("model/evaluation/report/confusion.png")), "confusion heat map");
        assertTrue(run.out().contains("accuracy"), run.out());

        Path elsewhere = dir.resolve("all-rows");
        JobFiles.Run all = JobFiles.run("evaluate", job, "--all-rows", "--output", elsewhere.toString());
        assertEquals(0, all.exitCode(), all.err());
        JsonNode everyRow = JSON.readTree(elsewhere.resolve("metrics.json").toFile());
        assertEquals(150, everyRow.get("rows").asLong());
        long counted = 0;
        for (JsonNode row : everyRow.get("confusionMatrix")) {
            for (JsonNode cell : row) {
                counted += cell.asLong();
            }
        }
        assertEquals(150, counted);
    }

    @Test
    void aMissingOrTruncatedModelFailsNamingThePath(@TempDir Path dir) throws Exception {
        String job = JobFiles.write(dir, JobFiles.irisJob(dir, 2, ""));
        JobFiles.Run missing = JobFiles.run("evaluate", job);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains(dir.resolve("model").toString()), missing.err());

        assertEquals(0, JobFiles.run("train", job).exitCode());
        Path zip;
        try (Stream<Path> files = Files.walk(dir.resolve("model"))) {
            zip = files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }
        JobFiles.Run corrupt = JobFiles.run("evaluate", job);
        assertEquals(1, corrupt.exitCode());
        assertTrue(corrupt.err().contains(dir.resolve("model").toString()), corrupt.err());
        assertFalse(corrupt.err().contains("NullPointerException"), corrupt.err());
        assertFalse(Files.exists(dir.resolve("model/evaluation/metrics.json")));
    }
}
