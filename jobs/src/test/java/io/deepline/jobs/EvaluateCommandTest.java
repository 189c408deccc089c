package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline evaluate} end to end: a model trained by {@code train}, measured again from its saved files. */
@ExtendWith(SparkSessionExtension.class)
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One train run serves both tests; the corrupting test works on a copy. */
    @TempDir
    static Path trained;

    private static String job;

    @BeforeAll
    static void trainOnce() throws IOException {
        job = JobFiles.write(trained, JobFiles.irisJob(trained, 15, ""));
        JobFiles.Run run = JobFiles.run("train", job);
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void reproducesTheTrainTimeMetricsOnTheTestSplitAndWritesAReport(@TempDir Path dir) throws Exception {
        Path modelDir = trained.resolve("model");
        JsonNode trainTime = JSON.readTree(modelDir.resolve("metrics.json").toFile());

        JobFiles.Run run = JobFiles.run("evaluate", job);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode evaluated = JSON.readTree(modelDir.resolve("evaluation/metrics.json").toFile());
        assertEquals(trainTime.get("testRows").asLong(), evaluated.get("rows").asLong());
        assertEquals("the test split", evaluated.get("evaluatedOn").asText());
        for (String key : new String[] {"accuracy", "f1Macro", "logLoss"}) {
            assertEquals(trainTime.get(key).asDouble(), evaluated.get(key).asDouble(), 1e-12, key);
        }
        assertEquals(trainTime.get("confusionMatrix"), evaluated.get("confusionMatrix"));
        assertTrue(Files.exists(modelDir.resolve("evaluation/report/index.html")));
        assertTrue(Files.exists(modelDir.resolve("evaluation/report/confusion.png")), "confusion heat map");
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
        Path copy = dir.resolve("model");
        JobFiles.Run missing = JobFiles.run("evaluate", job, "--model", copy.toString());
        assertEquals(2, missing.exitCode(), "a path the user gave does not exist: " + missing.err());
        assertTrue(missing.err().startsWith("error: --model: there is no model at '" + copy + "'"), missing.err());

        copyTree(trained.resolve("model"), copy);
        Path zip;
        try (Stream<Path> files = Files.walk(copy)) {
            zip = files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }
        JobFiles.Run corrupt = JobFiles.run("evaluate", job, "--model", copy.toString());
        assertEquals(1, corrupt.exitCode());
        assertTrue(corrupt.err().contains(copy.toString()), corrupt.err());
        assertFalse(corrupt.err().contains("NullPointerException"), corrupt.err());
        assertFalse(Files.exists(copy.resolve("evaluation/metrics.json")));
    }

    @Test
    void aUsersFileAtTheOutputIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path theirs = Files.writeString(dir.resolve("metrics.json"), "{\"revenue\": 12}");

        JobFiles.Run run = JobFiles.run("evaluate", job, "--output", dir.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--output: '" + theirs + "' exists"), run.err());
        assertEquals("{\"revenue\": 12}", Files.readString(theirs));
        assertEquals(List.of("metrics.json"), JobFiles.names(dir));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }
}
