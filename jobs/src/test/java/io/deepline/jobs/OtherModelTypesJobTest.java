package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.type: DeepRegressor} and {@code PerceptronClassifier} run through {@code deepline train}. */
@ExtendWith(SparkSessionExtension.class)
class OtherModelTypesJobTest {

    /** An example job from conf/examples with its data path made absolute and its output moved under {@code dir}. */
    private static String example(String name, Path dir) throws Exception {
        Path root = DataSamples.dir().getParent();
        return Files.readString(root.resolve("conf/examples/" + name))
                .replace("path: data-samples/", "path: " + root.resolve("data-samples") + "/")
                .replaceFirst("output: \\{model: [^}]*}", "output: {model: " + dir.resolve("model") + "}");
    }

    @Test
    void regressionJobWritesRegressionMetrics(SparkSession spark, @TempDir Path dir) throws Exception {
        String yaml = example("diabetes-regression.yaml", dir);
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("rmse"), run.out());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        for (String key : List.of("rmse", "mae", "r2", "trainRows", "testRows", "trainSeconds", "epochs")) {
            assertTrue(metrics.has(key), "metrics.json lacks " + key + ": " + metrics);
        }
        assertEquals("DeepRegressor", metrics.get("modelType").asText());
        assertEquals(442, metrics.get("trainRows").asLong() + metrics.get("testRows").asLong());
        assertEquals(400, metrics.get("epochs").asInt());
        assertTrue(metrics.get("r2").asDouble() > 0.3, "linear regression explains variance: " + metrics);
        assertTrue(metrics.get("rmse").asDouble() < 65, metrics.toString());
        assertEquals(3, PipelineModel.load(dir.resolve("model").toString()).stages().length,
                "assembler, scaler, regressor");
        assertEquals(List.of("learning-curve.png", "predicted-vs-actual.png", "residuals.png", "throughput.png"),
                PageChecks.assertPage(dir.resolve("model/report"), List.of("metrics", "run", "plots", "files"),
                        List.of()), "a regressor's plots");
    }

    @Test
    void perceptronJobTrainsAndReportsItsEpochs(SparkSession spark, @TempDir Path dir) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, example("cancer-perceptron.yaml", dir)));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertEquals("PerceptronClassifier", metrics.get("modelType").asText());
        assertTrue(metrics.get("accuracy").asDouble() > 0.9, metrics.toString());
        assertTrue(metrics.get("epochs").asInt() >= 1 && metrics.get("epochs").asInt() <= 50, metrics.toString());
        assertEquals(metrics.get("epochs").asInt(), metrics.get("mistakesPerEpoch").size());
    }

    @Test
    void regressorsRefuseTextLabelsNamingTheKey(SparkSession spark, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("named.csv");
        DataSamples.csv(spark, "iris.csv").selectExpr("sepal_length", "sepal_width",
                "CASE label WHEN 0 THEN 'a' ELSE 'b' END AS kind").coalesce(1).write().option("header", "true")
                .csv(csv.toString());
        String yaml = JobFiles.withDataPath(example("diabetes-regression.yaml", dir), csv.toString())
                .replace("label: target", "label: kind");
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("data.label") && run.err().contains("'kind'"), run.err());
    }
}
