package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.ensemble.EnsembleModel;
import io.deepline.pipelines.regression.DeepRegressionModel;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's keys through {@code deepline train}: a selection curve over the polynomial degree, an ensemble of
 * balanced classifiers on a stratified split, and row weights. Small data and GLMs or small networks, so each job
 * trains in about a second.
 */
@ExtendWith(SparkSessionExtension.class)
class CourseKeysJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A GLM (no hidden layer) fitted by full-batch gradient steps. Its standardised, nearly uncorrelated inputs make
     * the loss close to round, so a large step reaches the least-squares fit in a few epochs (each epoch is a
     * Spark job: few epochs keep the test cheap).
     */
    private static final String GLM = "{type: DeepRegressor, params: {family: gaussian, hiddenLayers: [], maxEpochs: 40,"
            + " batchSize: 512, updater: sgd, learningRate: 0.5, numWorkers: 1, seed: 1}}";

    private static Path csv(Path dir, String name, String header, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private static JsonNode train(Path dir, String yaml) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(dir.resolve("model/metrics.json").toFile());
    }

    @Test
    void aSelectionCurveChoosesTheDegreeAndTheSavedPipelineExpandsAtPredictTime(SparkSession spark,
                                                                               @TempDir Path dir) throws Exception {
        // y = 1 + x² + noise: degree 1 cannot fit it, degree 2 can.
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double x = -2 + 4 * random.nextDouble();
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f", x, 1 + x * x + 0.05 * random.nextGaussian()));
        }
        Path data = csv(dir, "parabola.csv", "x,y", lines);
        JsonNode metrics = train(dir, """
                name: parabola
                data: {path: %s, options: {header: "true", inferSchema: "true"}, label: y}
                split: {train: 0.6, validation: 0.2, test: 0.2, seed: 5}
                preprocess: {polynomial: {degree: 1}, standardize: true}
                select: {param: polynomial.degree, values: [1, 2], metric: rmse}
                model: %s
                output: {model: %s}
                """.formatted(data, GLM, dir.resolve("model")));

        JsonNode selection = metrics.get("tuning");
        assertEquals("2", selection.get("best").asText(), metrics.toString());
        assertTrue(selection.get("validation").get(1).asDouble() < selection.get("validation").get(0).asDouble() / 5,
                selection.toString());
        assertEquals(90, metrics.get("trainRows").asLong());
        assertEquals(120, selection.get("refitRows").asLong(), "refitted on the training and validation rows");
        assertTrue(metrics.get("rmse").asDouble() < 0.2, metrics.toString());
        Path report = dir.resolve("model/report");
        assertEquals(3, Files.readAllLines(report.resolve("model-selection.csv")).size(), "a header and two values");
        assertTrue(Files.size(report.resolve("model-selection.png")) > 1000);

        PipelineModel saved = PipelineModel.load(dir.resolve("model").toString());
        PolynomialExpansion expansion = (PolynomialExpansion) List.of(saved.stages()).stream()
                .filter(s -> s instanceof PolynomialExpansion).findFirst().orElseThrow();
        assertEquals(2, expansion.getDegree());
        Transformer last = saved.stages()[saved.stages().length - 1];
        assertEquals(2, assertInstanceOf(DeepRegressionModel.class, last).numFeatures(), "x and x²");
        // Raw rows (x alone) in, the parabola out: the saved pipeline expands them itself.
        Row predicted = saved.transform(spark.sql("SELECT 1.5 AS x")).select("prediction").first();
        assertEquals(1 + 1.5 * 1.5, predicted.getDouble(0), 0.2);
    }

    @Test
    void anEnsembleOfBalancedClassifiersTrainsOnAStratifiedSplitAndSaves(SparkSession spark, @TempDir Path dir)
            throws Exception {
        String member = "{type: DeepClassifier, params: {hiddenLayers: [%d], maxEpochs: 15, batchSize: 16,"
                + " updater: adam, learningRate: 0.05, numWorkers: 1, seed: %d}}";
        JsonNode metrics = train(dir, """
                name: iris-ensemble
                data: {path: %s, options: {header: "true", inferSchema: "true"}, label: label,
                       classWeights: balanced}
                split: {train: 0.8, test: 0.2, stratified: true, seed: 42}
                preprocess: {standardize: true}
                model: {type: Ensemble, kind: soft, members: [%s, %s]}
                output: {model: %s}
                """.formatted(DataSamples.dir().resolve("iris.csv"), member.formatted(8, 1), member.formatted(16, 2),
                dir.resolve("model")));

        assertEquals("Ensemble", metrics.get("modelType").asText());
        assertEquals(2, metrics.get("numMembers").asInt());
        assertEquals("soft", metrics.get("kind").asText());
        assertEquals(30, metrics.get("testRows").asLong());
        for (JsonNode row : metrics.get("confusionMatrix")) {
            int classRows = 0;
            for (JsonNode n : row) {
                classRows += n.asInt();
            }
            assertEquals(10, classRows, "stratified: each class has 10 of the 30 test rows: " + metrics);
        }
        assertTrue(metrics.get("accuracy").asDouble() >= 0.8, metrics.toString());
        PipelineModel saved = PipelineModel.load(dir.resolve("model").toString());
        EnsembleModel ensemble = assertInstanceOf(EnsembleModel.class, saved.stages()[saved.stages().length - 1]);
        assertEquals(2, ensemble.members().size());
    }

    @Test
    void rowWeightsPullTheFitTowardsTheHeavyRows(SparkSession spark, @TempDir Path dir) throws Exception {
        // x carries no information; y is 0 (weight 1) or 10 (weight 3), so the weighted least-squares fit is the
        // weighted mean 7.5, where an unweighted fit would give 5.
        Random random = new Random(4);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(String.format(Locale.ROOT, "%.6f,%d,%d", random.nextDouble(), i % 2 == 0 ? 0 : 10,
                    i % 2 == 0 ? 1 : 3));
        }
        Path data = csv(dir, "weighted.csv", "x,y,w", lines);
        train(dir, """
                name: weighted
                data: {path: %s, options: {header: "true", inferSchema: "true"}, label: y, weight: w}
                preprocess: {standardize: true}
                model: %s
                output: {model: %s}
                """.formatted(data, GLM, dir.resolve("model")));

        PipelineModel saved = PipelineModel.load(dir.resolve("model").toString());
        assertEquals(1, ((DeepRegressionModel) saved.stages()[saved.stages().length - 1]).numFeatures(),
                "w is a weight, not a feature");
        double mean = saved.transform(spark.read().option("header", "true").option("inferSchema", "true")
                .csv(data.toString())).selectExpr("avg(prediction)").first().getDouble(0);
        assertEquals(7.5, mean, 0.5);
    }
}
