package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline train} end to end on iris, in this JVM, against the shared test SparkSession. */
@ExtendWith(SparkSessionExtension.class)
class TrainCommandTest {

    private static final List<String> METRIC_KEYS = List.of("name", "modelType", "accuracy", "f1Macro",
            "weightedF1", "precisionMacro", "recallMacro", "logLoss", "confusionMatrix", "perClass", "trainRows",
            "testRows", "trainSeconds", "epochs", "history");

    @Test
    void trainsIrisSavesALoadableModelAndWritesMetrics(SparkSession spark, @TempDir Path dir) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, JobFiles.irisJob(dir, 40, "")));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("accuracy") && run.out().contains(dir.resolve("model").toString()), run.out());

        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        Dataset<Row> iris = DataSamples.csv(spark, "iris.csv");
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(iris));
        assertTrue(accuracy >= 0.9, "accuracy on iris " + accuracy);

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertAll(METRIC_KEYS.stream().map(k -> () -> assertTrue(metrics.has(k), "metrics.json lacks " + k)));
        assertEquals("iris-test", metrics.get("name").asText());
        assertEquals("DeepClassifier", metrics.get("modelType").asText());
        assertEquals(150, metrics.get("trainRows").asLong() + metrics.get("testRows").asLong());
        assertEquals(40, metrics.get("epochs").asInt());
        assertEquals(40, metrics.get("history").size());
        JsonNode lastEpoch = metrics.get("history").get(39);
        assertTrue(lastEpoch.has("loss") && lastEpoch.has("seconds") && lastEpoch.has("examplesPerSecond"));
        assertTrue(metrics.get("f1Macro").asDouble() > 0.8, metrics.toString());
        assertEquals(3, metrics.get("confusionMatrix").size());
        long confused = 0;
        for (JsonNode row : metrics.get("confusionMatrix")) {
            for (JsonNode count : row) {
                confused += count.asLong();
            }
        }
        assertEquals(metrics.get("testRows").asLong(), confused, "the matrix counts every test row once");
        assertTrue(metrics.get("perClass").get("0").has("recall") && metrics.get("logLoss").asDouble() > 0);

        Path report = dir.resolve("model/report");
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("learning-curve.png") && html.contains("confusion.png")
                && html.contains("f1Macro"), "the page embeds the plots and shows the metrics");
        for (String png : List.of("learning-curve.png", "confusion.png")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(report.resolve(png).toFile());
            assertTrue(image != null && image.getWidth() == 800 && image.getHeight() == 500, png + " decodes at 800x500");
        }
        assertEquals(41, Files.readAllLines(report.resolve("history.csv")).size(), "a header and 40 epochs");
    }

    @Test
    void rerunReplacesTheModelAndHonoursOutputMetrics(SparkSession spark, @TempDir Path dir) throws Exception {
        Path metricsFile = dir.resolve("reports/iris.json");
        String yaml = JobFiles.irisJob(dir, 2, "").replace("output: {model: " + dir.resolve("model") + "}",
                "output: {model: " + dir.resolve("model") + ", metrics: " + metricsFile + ", report: "
                        + dir.resolve("reports/iris-report") + "}");
        String job = JobFiles.write(dir, yaml);

        assertEquals(0, JobFiles.run("train", job).exitCode());
        JobFiles.Run again = JobFiles.run("train", job);

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(metricsFile));
        assertFalse(Files.exists(dir.resolve("model/metrics.json")));
        assertEquals(2, new ObjectMapper().readTree(metricsFile.toFile()).get("epochs").asInt());
        assertTrue(Files.isRegularFile(dir.resolve("reports/iris-report/index.html")), "output.report is honoured");
        assertFalse(Files.exists(dir.resolve("model/report")));
    }

    @Test
    void stringLabelsAreIndexed(SparkSession spark, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("iris-named.csv");
        DataSamples.csv(spark, "iris.csv").selectExpr("sepal_length", "sepal_width", "petal_length", "petal_width",
                "CASE label WHEN 0 THEN 'setosa' WHEN 1 THEN 'versicolor' ELSE 'virginica' END AS species")
                .coalesce(1).write().option("header", "true").csv(csv.toString());
        String yaml = JobFiles.withDataPath(JobFiles.irisJob(dir, 5, ""), csv.toString())
                .replace("label: label", "label: species");

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        assertEquals(4, model.stages().length, "indexer, assembler, scaler, classifier");
    }
}
