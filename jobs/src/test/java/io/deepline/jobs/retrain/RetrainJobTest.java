package io.deepline.jobs.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.jobs.JobFiles;
import io.deepline.jobs.PageChecks;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.registry.ModelRegistry;
import io.deepline.jobs.registry.RegistryName;
import io.deepline.jobs.registry.RetrainLock;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.PipelineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code deepline retrain} end to end on iris against a registry in a temporary directory: promotion, a worse
 * challenger kept out, crashes at each step, and a second retrain finding the name locked.
 */
@ExtendWith(SparkSessionExtension.class)
class RetrainJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The iris job with a registry section; {@code epochs} and {@code learningRate} decide how good it gets. */
    private static String job(Path dir, int epochs, double learningRate, String registryExtra) {
        return JobFiles.irisJob(dir, epochs, ", learningRate: " + learningRate).replace("learningRate: 0.01, ", "")
                + "registry: {path: " + dir.resolve("registry") + ", name: iris" + registryExtra + "}\n";
    }

    private static Path versions(Path dir) {
        return dir.resolve("registry/iris/versions");
    }

    private static String champion(Path dir) throws Exception {
        return Files.readString(dir.resolve("registry/iris/CHAMPION")).trim();
    }

    @Test
    void firstRunPromotesAndAWorseChallengerIsNotPromoted(@TempDir Path dir) throws Exception {
        JobFiles.Run first = JobFiles.run("retrain", JobFiles.write(dir, job(dir, 30, 0.01, "")));

        assertEquals(0, first.exitCode(), first.err());
        Path v1 = versions(dir).resolve("1");
        for (String file : List.of("model", "metrics.json", "job.yaml", "decision.json", "_SUCCESS")) {
            assertTrue(Files.exists(v1.resolve(file)), "version 1 lacks " + file);
        }
        assertEquals("1", champion(dir));
        JsonNode d1 = JSON.readTree(v1.resolve("decision.json").toFile());
        assertTrue(d1.get("promoted").asBoolean());
        assertEquals("f1Macro", d1.get("metric").asText());
        assertEquals(1, d1.get("challengerVersion").asInt());
        assertTrue(d1.get("championVersion").isNull() && d1.get("championScore").isNull(), d1.toString());
        double v1Score = d1.get("challengerScore").asDouble();
        assertEquals(JSON.readTree(v1.resolve("metrics.json").toFile()).get("f1Macro").asDouble(), v1Score);
        assertTrue(Files.readString(v1.resolve("job.yaml")).contains("registry:"));
        PipelineModel.load(v1.resolve("model").toString());

        // One epoch at a tiny learning rate: a much worse challenger, on the same data, split and seed.
        JobFiles.Run second = JobFiles.run("retrain", JobFiles.write(dir, job(dir, 1, 1e-4, ", minImprovement: 0.01")));

        assertEquals(0, second.exitCode(), second.err());
        JsonNode d2 = JSON.readTree(versions(dir).resolve("2/decision.json").toFile());
        assertFalse(d2.get("promoted").asBoolean(), d2.toString());
        assertEquals(2, d2.get("challengerVersion").asInt());
        assertEquals(1, d2.get("championVersion").asInt());
        // The champion is scored on the same holdout rows it was tested on when it was trained.
        assertEquals(v1Score, d2.get("championScore").asDouble(), 1e-12);
        assertTrue(d2.get("challengerScore").asDouble() < v1Score, d2.toString());
        assertEquals("1", champion(dir));
        assertTrue(second.out().contains("not promoted"), second.out());

        // A third version, so that the registry page shows several side by side.
        assertEquals(0, JobFiles.run("retrain", JobFiles.write(dir, job(dir, 1, 1e-4, ", minImprovement: 0.01")))
                .exitCode());
        Path root = dir.resolve("registry/iris");
        PageChecks.assertPage(root, List.of("champion", "plot", "versions"), List.of("versions.png"));
        Document page = PageChecks.page(root);
        assertTrue(PageChecks.text(page, "champion").contains("Version 1, f1Macro " + String.format(
                java.util.Locale.ROOT, "%.4f", v1Score)), PageChecks.text(page, "champion"));
        NodeList rows = page.getElementsByTagName("tr");
        assertEquals(4, rows.getLength(), "a header and one row per version");
        List<String> firstCells = new ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            firstCells.add(((Element) rows.item(i)).getElementsByTagName("td").item(0).getTextContent());
        }
        assertEquals(List.of("3", "2", "1 (champion)"), firstCells, "newest first, the champion marked");
        String table = PageChecks.text(page, "versions");
        assertTrue(table.contains("not promoted: ") && table.contains("promoted: "), table);
        for (int v = 1; v <= 3; v++) {
            PageChecks.assertPage(versions(dir).resolve(v + "/report"), List.of("metrics", "run", "plots"),
                    List.of("learning-curve.png"));
        }
        assertTrue(JobFiles.names(root).stream().noneMatch(n -> n.contains(".tmp-")), "no temporary file left: "
                + JobFiles.names(root));
    }

    @Test
    void aCrashAtAnyStepLeavesTheChampionAndNoVisibleHalfVersionAndARerunWorks(@TempDir Path dir) throws Exception {
        String yaml = job(dir, 8, 0.01, ", keep: 2");
        assertEquals(0, JobFiles.run("retrain", JobFiles.write(dir, yaml)).exitCode());
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry").toString(), new RegistryName("iris"),
                new Configuration());
        assertEquals(List.of(1), registry.versions());

        for (RetrainStep crashAfter : List.of(RetrainStep.CHALLENGER_SAVED, RetrainStep.DECISION_WRITTEN)) {
            RetrainJob crashing = new RetrainJob(new JobConfigLoader().parse(yaml), yaml, ModelTypes.standard(),
                    step -> {
                        if (step == crashAfter) {
                            throw new IllegalStateException("injected crash after " + step);
                        }
                    });
            IllegalStateException crash = assertThrows(IllegalStateException.class, crashing::run);
            assertTrue(crash.getMessage().contains("injected"), crash.getMessage());
            assertEquals(List.of(1), registry.versions(), "no visible half version after " + crashAfter);
            assertEquals("1", champion(dir));
        }

        RetrainJob crashBeforePromotion = new RetrainJob(new JobConfigLoader().parse(yaml), yaml,
                ModelTypes.standard(), step -> {
                    if (step == RetrainStep.VERSION_COMMITTED) {
                        throw new IllegalStateException("injected crash before promotion");
                    }
                });
        assertThrows(IllegalStateException.class, crashBeforePromotion::run);
        assertEquals(List.of(1, 2), registry.versions(), "the committed version is visible");
        assertEquals("1", champion(dir), "but the champion has not moved");

        JobFiles.Run rerun = JobFiles.run("retrain", JobFiles.write(dir, yaml));
        assertEquals(0, rerun.exitCode(), rerun.err());
        JsonNode decision = JSON.readTree(versions(dir).resolve("3/decision.json").toFile());
        assertEquals(1, decision.get("championVersion").asInt());
        // keep: 2 keeps versions 2 and 3, and version 1 while it is the champion.
        List<Integer> left = registry.versions();
        assertTrue(left.containsAll(List.of(2, 3)), left.toString());
        assertEquals(decision.get("promoted").asBoolean() ? List.of(2, 3) : List.of(1, 2, 3), left);
    }

    @Test
    void aSecondRetrainOfALockedNameExitsWithCode3NamingTheLock(@TempDir Path dir) throws Exception {
        String file = JobFiles.write(dir, job(dir, 2, 0.01, ""));
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry").toString(), new RegistryName("iris"),
                new Configuration());
        try (RetrainLock held = RetrainLock.acquire(registry, Duration.ofHours(1))) {
            JobFiles.Run blocked = JobFiles.run("retrain", file);

            assertEquals(3, blocked.exitCode(), blocked.err());
            assertTrue(blocked.err().contains("LOCK"), blocked.err());
            assertFalse(Files.exists(versions(dir).resolve("1")), "the blocked run trained nothing");
        }
        assertEquals(0, JobFiles.run("retrain", file).exitCode(), "the lock is released on close");
    }
}
