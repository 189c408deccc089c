package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline tune}: k-fold CV over a YAML grid, refit of the best candidate, metrics and CV report. */
@ExtendWith(SparkSessionExtension.class)
class TuneCommandTest {

    private static String tuneJob(Path dir, String tune) {
        return JobFiles.irisJob(dir, 8, "") + tune;
    }

    @Test
    void crossValidatesTheGridRefitsTheBestAndWritesTheCvReport(SparkSession spark, @TempDir Path dir)
            throws Exception {
        String job = JobFiles.write(dir, tuneJob(dir, """
                tune:
                  folds: 3
                  metric: accuracy
                  grid:
                    learningRate: [0.05, 0.0001]
                """));
        JobFiles.Run run = JobFiles.run("tune", job);
        assertEquals(0, run.exitCode(), run.err());

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        JsonNode tuning = metrics.get("tuning");
        assertEquals("accuracy", tuning.get("metric").asText());
        assertEquals(3, tuning.get("folds").asInt());
        assertEquals(2, tuning.get("candidates").asInt());
        // 8 epochs at learning rate 1e-4 barely move the weights; 0.05 learns iris.
        assertEquals("0.05", tuning.get("bestParams").get("learningRate").asText(), tuning.toString());
        assertTrue(metrics.has("accuracy") && metrics.has("confusionMatrix"), "the same test metrics as train");
        assertEquals(8, metrics.get("epochs").asInt(), "the refitted best model is saved");
        PipelineModel.load(dir.resolve("model").toString());

        List<String> csv = Files.readAllLines(dir.resolve("model/report/cv.csv"));
        assertEquals(3, csv.size(), "a header and one row per candidate: " + csv);
        assertTrue(csv.get(0).contains("fold_3") && csv.get(0).contains("mean"), csv.get(0));
        assertEquals(800, javax.imageio.ImageIO.read(dir.resolve("model/report/cv.png").toFile()).getWidth());
        PageChecks.assertPage(dir.resolve("model/report"), List.of("metrics", "run", "plots", "files"),
                List.of("cv.png", "learning-curve.png", "confusion.png"));
        assertTrue(PageChecks.text(PageChecks.page(dir.resolve("model/report")), "run").contains("2 candidates, 3-fold"
                + " accuracy; chosen {learningRate=0.05}"), "the run panel names the chosen candidate");
        JsonNode cv = new ObjectMapper().readTree(dir.resolve("model/report/cv.json").toFile());
        assertEquals(2, cv.get("gridPoints").size());
        double best = tuning.get("bestMean").asDouble();
        for (JsonNode point : cv.get("gridPoints")) {
            assertTrue(point.get("mean").asDouble() <= best + 1e-12, "the best candidate has the highest mean");
            assertEquals(3, point.get("folds").size());
        }
    }

    @Test
    void gridErrorsNameTheKeyBeforeSparkWork(@TempDir Path dir) throws Exception {
        JobFiles.Run unknown = JobFiles.run("tune", JobFiles.write(dir, tuneJob(dir,
                "tune: {grid: {learningRte: [0.1]}}\n")));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("tune.grid.learningRte") && unknown.err().contains("DeepClassifier")
                && unknown.err().contains("learningRate"), unknown.err());

        JobFiles.Run badValue = JobFiles.run("tune", JobFiles.write(dir, tuneJob(dir,
                "tune: {grid: {learningRate: [0.1, -1]}}\n")));
        assertEquals(2, badValue.exitCode());
        assertTrue(badValue.err().contains("tune.grid.learningRate[1]"), badValue.err());

        JobFiles.Run metric = JobFiles.run("tune", JobFiles.write(dir, tuneJob(dir,
                "tune: {metric: rmse, grid: {learningRate: [0.1]}}\n")));
        assertEquals(2, metric.exitCode());
        assertTrue(metric.err().contains("tune.metric") && metric.err().contains("f1Macro"), metric.err());

        JobFiles.Run folds = JobFiles.run("tune", JobFiles.write(dir, tuneJob(dir,
                "tune: {folds: 1, grid: {learningRate: [0.1]}}\n")));
        assertEquals(2, folds.exitCode());
        assertTrue(folds.err().contains("tune.folds"), folds.err());

        JobFiles.Run missing = JobFiles.run("tune", JobFiles.write(dir, JobFiles.irisJob(dir, 8, "")));
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("tune") && missing.err().contains("required"), missing.err());
    }
}
