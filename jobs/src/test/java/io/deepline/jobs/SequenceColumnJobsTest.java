package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepline train} with {@code data.sequence}, end to end on small generated sequences: a regressor of one
 * number per sequence and a tagger of one class per step.
 */
@ExtendWith(SparkSessionExtension.class)
class SequenceColumnJobsTest {

    @Test
    void aSequenceColumnJobTrainsARegressor(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("series.parquet");
        series(spark, 200, new Random(11)).write().parquet(parquet.toString());
        String yaml = """
                name: series-test
                data: {path: %s, format: parquet, label: last, sequence: readings}
                model:
                  type: SequenceRegressor
                  params: {cell: lstm, hiddenSize: 8, pooling: last, maxEpochs: 5, batchSize: 16, updater: adam,
                           learningRate: 0.05, numWorkers: 2, averagingFrequency: 10, seed: 1}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        for (String key : List.of("rmse", "mae", "r2", "trainRows", "testRows", "epochs", "history", "sequenceInput",
                "numFeatures", "cell")) {
            assertTrue(metrics.has(key), "metrics.json lacks " + key + ": " + metrics);
        }
        assertAll(
                () -> assertEquals("SequenceRegressor", metrics.get("modelType").asText()),
                () -> assertEquals("univariate", metrics.get("sequenceInput").asText()),
                () -> assertEquals(1, metrics.get("numFeatures").asInt()),
                () -> assertEquals(1, PipelineModel.load(dir.resolve("model").toString()).stages().length,
                        "the sequence column goes to the model as it is"),
                // The label is the last reading: a recurrent net reading to the end can learn it; the mean cannot.
                () -> assertTrue(metrics.get("r2").asDouble() > 0.5, metrics.toString()));
    }

    @Test
    void aTaggerJobPredictsAClassPerStepAndIsScoredPerStep(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("tagged.parquet");
        tagged(spark, 160, new Random(5)).write().parquet(parquet.toString());
        String yaml = """
                name: tagger-test
                data: {path: %s, format: parquet, label: tags, sequence: ids}
                model:
                  type: SequenceTagger
                  params: {vocabularySize: 24, embeddingSize: 8, hiddenSize: 8, maxEpochs: 5, batchSize: 16,
                           updater: adam, learningRate: 0.05, numWorkers: 2, averagingFrequency: 10, seed: 2}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        long testSteps = 0;
        for (JsonNode row : metrics.get("confusionMatrix")) {
            for (JsonNode n : row) {
                testSteps += n.asLong();
            }
        }
        long steps = testSteps;
        assertAll(
                () -> assertEquals("SequenceTagger", metrics.get("modelType").asText()),
                () -> assertEquals(2, metrics.get("numClasses").asInt()),
                () -> assertEquals(24, metrics.get("vocabularySize").asInt()),
                // Every step of every test sequence (4–12 steps each) is one scored example.
                () -> assertTrue(steps >= 4 * metrics.get("testRows").asLong()
                        && steps <= 12 * metrics.get("testRows").asLong(), steps + " steps: " + metrics),
                () -> assertTrue(metrics.get("accuracy").asDouble() >= 0.9, metrics.toString()));
    }

    /** Series of 3–10 readings in [0, 1); the label is the last reading. */
    private static Dataset<Row> series(SparkSession spark, int rows, Random random) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] readings = new double[3 + random.nextInt(8)];
            for (int t = 0; t < readings.length; t++) {
                readings[t] = random.nextDouble();
            }
            List<Double> values = Arrays.stream(readings).boxed().toList();
            data.add(RowFactory.create(values, readings[readings.length - 1]));
        }
        StructType schema = new StructType().add("readings", DataTypes.createArrayType(DataTypes.DoubleType), false)
                .add("last", DataTypes.DoubleType, false);
        return spark.createDataFrame(data, schema);
    }

    /** Token-id sequences of 4–12 ids in [4, 24); the tag of a step is 1 for ids of 14 and above, else 0. */
    private static Dataset<Row> tagged(SparkSession spark, int rows, Random random) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<Integer> ids = new ArrayList<>();
            List<Double> tags = new ArrayList<>();
            for (int t = 0, n = 4 + random.nextInt(9); t < n; t++) {
                int id = 4 + random.nextInt(20);
                ids.add(id);
                tags.add(id >= 14 ? 1.0 : 0.0);
            }
            data.add(RowFactory.create(ids, tags));
        }
        StructType schema = new StructType().add("ids", DataTypes.createArrayType(DataTypes.IntegerType), false)
                .add("tags", DataTypes.createArrayType(DataTypes.DoubleType), false);
        return spark.createDataFrame(data, schema);
    }
}
