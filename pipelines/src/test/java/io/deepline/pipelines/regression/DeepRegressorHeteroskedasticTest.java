package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * family=gaussianHeteroskedastic (course §1.3): μ = w·x + b and σ = exp{u·x + c}, here as a GLM (no hidden layer,
 * exactly the notes' model), trained by the Gaussian negative log-likelihood on y = 1 + 2x + ε with
 * ε ~ N(0, σ(x)²), σ(x) = exp(−2 + 1.5x), x ~ U(0, 2): σ grows from 0.14 to 2.7.
 */
@ExtendWith(SparkSessionExtension.class)
class DeepRegressorHeteroskedasticTest {
    private static Dataset<Row> train;
    private static Dataset<Row> test;
    private static DeepRegressionModel model;

    @BeforeAll
    static void fit(SparkSession spark) {
        train = data(spark, 600, 1);
        test = data(spark, 1000, 2);
        model = new DeepRegressor().setFamily("gaussianHeteroskedastic").setHiddenLayers(new int[0])
                .setUpdater("adam").setLearningRate(0.05).setBatchSize(50).setMaxEpochs(25).setNumWorkers(1)
                .setSeed(5).fit(train);
    }

    static Dataset<Row> data(SparkSession spark, int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble();
            rows.add(RowFactory.create(Vectors.dense(x), 1 + 2 * x + trueStd(x) * random.nextGaussian()));
        }
        return RegressionData.frame(spark, rows, false).cache();
    }

    static double trueStd(double x) {
        return Math.exp(-2 + 1.5 * x);
    }

    /** ±1.96σ intervals hold 95 % of fresh rows in theory; the test accepts 0.92–0.98 on 1000 rows. */
    @Test
    void intervalsOfPlusMinus196SigmaCoverAbout95PercentOfNewRows() {
        List<Row> scored = model.transform(test).select("features", "label", "prediction", "predictionStd")
                .collectAsList();
        int covered = 0;
        for (Row r : scored) {
            double y = r.getDouble(1);
            covered += Math.abs(y - r.getDouble(2)) <= 1.96 * r.getDouble(3) ? 1 : 0;
        }
        double coverage = covered / (double) scored.size();
        assertTrue(coverage >= 0.92 && coverage <= 0.98, "coverage " + coverage);
    }

    /** σ rises with x and is near the truth: within 20 % at x = 0.25, 1 and 1.75; the mean within 0.1 at x = 1. */
    @Test
    void predictedSigmaGrowsWithXAndFollowsTheTruth() {
        double previous = 0;
        for (double x : new double[] {0.25, 1.0, 1.75}) {
            double sigma = model.predictStd(Vectors.dense(x));
            assertTrue(sigma > previous, "σ must grow with x: " + sigma + " at x = " + x);
            assertEquals(trueStd(x), sigma, 0.2 * trueStd(x), "σ at x = " + x);
            previous = sigma;
        }
        assertEquals(3.0, model.predict(Vectors.dense(1.0)), 0.1);
    }

    @Test
    void singleRowPredictionsEqualTransform() {
        Row r = model.transform(test).select("features", "prediction", "predictionStd").first();
        Vector x = r.getAs(0);
        assertEquals(r.getDouble(1), model.predict(x), 1e-6);
        assertEquals(r.getDouble(2), model.predictStd(x), 1e-6 * r.getDouble(2));
    }

    @Test
    void emptyStdColumnLeavesItOutAndOtherFamiliesHaveNone(SparkSession spark) {
        DeepRegressionModel copy = model.copy(new org.apache.spark.ml.param.ParamMap()).setPredictionStdCol("");
        assertFalse(Arrays.asList(copy.transform(test).columns()).contains("predictionStd"));
        DeepRegressionModel gaussian = new DeepRegressor().setHiddenLayers(new int[0]).setMaxEpochs(1)
                .setNumWorkers(1).fit(train);
        assertFalse(Arrays.asList(gaussian.transform(test).columns()).contains("predictionStd"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gaussian.predictStd(Vectors.dense(1.0)));
        assertTrue(e.getMessage().contains("gaussianHeteroskedastic"), e.getMessage());
    }

    @Test
    void vectorLabelsAreRefusedNamingTheColumn(SparkSession spark) {
        Dataset<Row> vectors = RegressionData.frame(spark, List.of(RowFactory.create(Vectors.dense(1.0),
                Vectors.dense(1.0, 2.0))), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeepRegressor()
                .setFamily("gaussianHeteroskedastic").fit(vectors));
        assertTrue(e.getMessage().contains("'label'") && e.getMessage().contains("one response"), e.getMessage());
    }

    @Test
    void saveAndLoadKeepMeanAndSigma(@TempDir Path dir) throws IOException {
        model.write().overwrite().save(dir.resolve("m").toString());
        DeepRegressionModel loaded = DeepRegressionModel.load(dir.resolve("m").toString());
        assertEquals("gaussianheteroskedastic", loaded.getFamily());
        assertEquals(model.transform(test).select("prediction", "predictionStd").collectAsList(),
                loaded.transform(test).select("prediction", "predictionStd").collectAsList());
    }

    /** A model saved before predictionStdCol existed (its metadata has no such param) still loads and scores. */
    @Test
    void modelsSavedWithoutTheNewParamStillLoad(@TempDir Path dir) throws IOException {
        DeepRegressionModel gaussian = new DeepRegressor().setHiddenLayers(new int[0]).setMaxEpochs(2)
                .setNumWorkers(1).fit(train);
        String path = dir.resolve("old").toString();
        gaussian.write().save(path);
        int stripped = stripParam(dir.resolve("old").resolve("metadata"), "predictionStdCol");
        assertTrue(stripped > 0, "the saved metadata named predictionStdCol");
        DeepRegressionModel loaded = DeepRegressionModel.load(path);
        assertEquals("predictionStd", loaded.getPredictionStdCol());
        assertEquals(gaussian.transform(test).select("prediction").collectAsList(),
                loaded.transform(test).select("prediction").collectAsList());
    }

    private static int stripParam(Path metadataDir, String param) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int removed = 0;
        try (Stream<Path> files = Files.list(metadataDir)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".crc")) {
                    Files.delete(file); // Hadoop's checksum of the old text would refuse the edited file
                    continue;
                }
                if (!file.getFileName().toString().startsWith("part-")) {
                    continue;
                }
                StringBuilder out = new StringBuilder();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode json = mapper.readTree(line);
                    for (String map : new String[] {"paramMap", "defaultParamMap"}) {
                        if (json.get(map) instanceof ObjectNode params && params.remove(param) != null) {
                            removed++;
                        }
                    }
                    out.append(mapper.writeValueAsString(json)).append('\n');
                }
                Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
            }
        }
        return removed;
    }
}
