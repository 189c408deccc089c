package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.train.TrainJob;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertEquals(List.of("learning-curve.png", "confusion.png", "roc.png", "precision-recall.png",
                "calibration.png", "throughput.png"), PageChecks.assertPage(report, List.of("metrics", "run", "plots",
                "per-class", "files"), List.of()), "the classifier's plots, the most looked-at first");
        org.w3c.dom.Document page = PageChecks.page(report);
        assertTrue(PageChecks.text(page, "metrics").contains("f1Macro")
                && PageChecks.text(page, "metrics").contains("40 of 40 (the last"), PageChecks.text(page, "metrics"));
        String facts = PageChecks.text(page, "run");
        assertTrue(facts.contains("DeepClassifier") && facts.contains("hiddenLayers=[16]") && facts.contains("iris.csv")
                && facts.contains("seed 42") && facts.contains("DL4J 1.0.0") && facts.contains("Spark "), facts);
        assertEquals(new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile()),
                new ObjectMapper().readTree(report.resolve("metrics.json").toFile()), "the JSON behind the link");
        assertEquals(41, Files.readAllLines(report.resolve("history.csv")).size(), "a header and 40 epochs");
    }

    @Test
    void rerunNeedsOverwriteModeThenReplacesTheModelAndHonoursOutputMetrics(SparkSession spark, @TempDir Path dir)
            throws Exception {
        Path model = dir.resolve("model");
        Path metricsFile = dir.resolve("reports/iris.json");
        String outputs = "metrics: " + metricsFile + ", report: " + dir.resolve("reports/iris-report");
        String job = JobFiles.write(dir, JobFiles.withOutputKeys(JobFiles.irisJob(dir, 1, ""), outputs));
        assertEquals(0, JobFiles.run("train", job).exitCode());
        String firstMetadata = metadataOf(model);
        String firstMetrics = Files.readString(metricsFile);

        JobFiles.Run refused = JobFiles.run("train", job);

        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("output.model: '" + model + "' already holds a saved Deepline model")
                && refused.err().contains("Set output.mode: overwrite"), refused.err());
        assertEquals(firstMetadata, metadataOf(model));
        assertEquals(firstMetrics, Files.readString(metricsFile));

        job = JobFiles.write(dir, JobFiles.withOutputKeys(JobFiles.irisJob(dir, 2, ""), outputs + ", mode: overwrite"));
        JobFiles.Run again = JobFiles.run("train", job);

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(!firstMetadata.equals(metadataOf(model)), "a new model");
        PipelineModel.load(model.toString());
        assertEquals(List.of("job.yaml", "model", "reports"), JobFiles.names(dir),
                "neither the temporary nor the previous model is left");
        assertFalse(Files.exists(model.resolve("metrics.json")));
        assertEquals(2, new ObjectMapper().readTree(metricsFile.toFile()).get("epochs").asInt());
        assertTrue(Files.isRegularFile(dir.resolve("reports/iris-report/index.html")), "output.report is honoured");
        assertFalse(Files.exists(model.resolve("report")));
    }

    /**
     * Someone else's files appear where the report is to go while the new model trains: the check just before the
     * swap refuses them, after the fit, and the previous model stays as it was.
     */
    @Test
    void aRefusalAfterTheFitKeepsThePreviousModel(SparkSession spark, @TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        assertEquals(0, JobFiles.run("train", JobFiles.write(dir, JobFiles.irisJob(dir, 1, ""))).exitCode());
        String previous = metadataOf(model);
        Path report = dir.resolve("shared");
        JobConfig config = new JobConfigLoader().parse(JobFiles.withOutputKeys(JobFiles.irisJob(dir, 2, ""),
                "report: " + report + ", mode: overwrite"));
        List<Integer> epochs = new ArrayList<>();
        TrainingListener otherWriter = (stats, maxEpochs) -> {
            epochs.add(stats.epoch());
            try {
                Files.createDirectories(report);
                Files.writeString(report.resolve("slides.odp"), "a colleague's slides");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> new TrainJob(config, ModelTypes.standard()).withListener(otherWriter).run());

        assertEquals(List.of(1, 2), epochs, "the refusal came after the fit");
        assertTrue(e.getMessage().startsWith("output.report: '" + report + "' exists"), e.getMessage());
        assertEquals(previous, metadataOf(model), "the previous model is kept");
        PipelineModel.load(model.toString());
        assertEquals(List.of("job.yaml", "model", "shared"), JobFiles.names(dir), "no temporary model is left");
        assertEquals(List.of("slides.odp"), JobFiles.names(report));
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

    /** The saved PipelineModel's metadata; its part file is named differently by Spark 3.5 and 4 (see OutputKind). */
    private static String metadataOf(Path model) throws IOException {
        try (var parts = Files.list(model.resolve("metadata"))) {
            Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no part file in " + model.resolve("metadata")));
            return Files.readString(part);
        }
    }
}
