package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * {@code deepline train} with the two model types whose label is a sequence to generate: SequenceGenerator (from
 * feature columns) and Seq2Seq (from a token-id sequence column); their metrics compare whole sequences.
 */
@ExtendWith(SparkSessionExtension.class)
class GeneratingJobsTest {

    @Test
    void aGeneratorJobLearnsSequencesOfValuesFromFeatureColumns(SparkSession spark, @TempDir Path dir)
            throws Exception {
        Path parquet = dir.resolve("ramps.parquet");
        ramps(spark, 240, new Random(3)).write().parquet(parquet.toString());
        String yaml = """
                name: ramps
                data: {path: %s, format: parquet, label: ramp, features: [start, step]}
                model:
                  type: SequenceGenerator
                  params: {cell: gru, hiddenSize: 16, maxOutputLength: 6, maxEpochs: 25, batchSize: 16,
                           learningRate: 0.02, numWorkers: 2, seed: 4}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertAll(
                () -> assertEquals("SequenceGenerator", metrics.get("modelType").asText()),
                () -> assertEquals("values", metrics.get("generatedOutput").asText()),
                // Ramps start in [0, 1) with steps in [0, 0.2): values up to about 2; predicting 0 would miss by ~1.
                () -> assertTrue(metrics.get("rmse").asDouble() < 0.25, metrics.toString()),
                () -> assertTrue(metrics.has("history") && metrics.get("epochs").asInt() == 25, metrics.toString()));
    }

    @Test
    void aSeq2SeqJobReversesTokenSequences(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("pairs.parquet");
        reversals(spark, 600, new Random(5)).write().parquet(parquet.toString());
        String yaml = """
                name: reverse
                data: {path: %s, format: parquet, label: target, sequence: source}
                model:
                  type: Seq2Seq
                  params: {sourceVocabularySize: 9, targetVocabularySize: 9, embeddingSize: 8, hiddenSize: 24,
                           maxOutputLength: 6, maxEpochs: 30, batchSize: 32, learningRate: 0.02, numWorkers: 1,
                           seed: 6}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertAll(
                () -> assertEquals("Seq2Seq", metrics.get("modelType").asText()),
                () -> assertEquals("attention", metrics.get("context").asText()),
                () -> assertTrue(metrics.get("tokenAccuracy").asDouble() >= 0.8, metrics.toString()),
                () -> assertTrue(metrics.has("exactMatch") && metrics.has("meanOutputLength"), metrics.toString()));
    }

    /** The same job with architecture: transformer, and its Transformer Params from the YAML. */
    @Test
    void aTransformerSeq2SeqJobTrainsFromTheSameYaml(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("pairs.parquet");
        reversals(spark, 600, new Random(5)).write().parquet(parquet.toString());
        String yaml = """
                name: reverse-transformer
                data: {path: %s, format: parquet, label: target, sequence: source}
                model:
                  type: Seq2Seq
                  params: {architecture: transformer, modelDim: 16, numHeads: 2, ffDim: 32, numLayers: 1,
                           preNorm: true, sourceVocabularySize: 9, targetVocabularySize: 9, maxOutputLength: 6,
                           maxEpochs: 12, batchSize: 32, learningRate: 0.01, numWorkers: 1, seed: 6}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        System.out.println("transformer Seq2Seq job: tokenAccuracy " + metrics.get("tokenAccuracy") + ", exactMatch "
                + metrics.get("exactMatch"));
        assertAll(
                () -> assertEquals("transformer", metrics.get("architecture").asText(), metrics.toString()),
                () -> assertEquals(16, metrics.get("modelDim").asInt(), metrics.toString()),
                () -> assertTrue(metrics.get("tokenAccuracy").asDouble() >= 0.7, metrics.toString()));
    }

    @Test
    void generatingModelsNeedASequenceLabelAndSeq2SeqItsVocabularies(SparkSession spark, @TempDir Path dir)
            throws Exception {
        Path parquet = dir.resolve("pairs.parquet");
        reversals(spark, 20, new Random(7)).withColumn("n", org.apache.spark.sql.functions.size(
                org.apache.spark.sql.functions.col("source"))).write().parquet(parquet.toString());
        String noVocabulary = """
                name: reverse
                data: {path: %s, format: parquet, label: target, sequence: source}
                model: {type: Seq2Seq, params: {maxEpochs: 1}}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("m1"));
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, noVocabulary));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("model.params.sourceVocabularySize"), run.err());

        String scalarLabel = """
                name: reverse
                data: {path: %s, format: parquet, label: n, sequence: source}
                model: {type: Seq2Seq, params: {sourceVocabularySize: 9, targetVocabularySize: 9}}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("m2"));
        run = JobFiles.run("train", JobFiles.write(dir, scalarLabel));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("data.label") && run.err().contains("array<int>"), run.err());
    }

    /** start, step → the ramp start + k·step for k = 1..6. */
    private static Dataset<Row> ramps(SparkSession spark, int rows, Random random) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double start = random.nextDouble();
            double step = 0.2 * random.nextDouble();
            List<Double> ramp = new ArrayList<>();
            for (int k = 1; k <= 6; k++) {
                ramp.add(start + k * step);
            }
            data.add(RowFactory.create(start, step, ramp));
        }
        StructType schema = new StructType().add("start", DataTypes.DoubleType, false)
                .add("step", DataTypes.DoubleType, false)
                .add("ramp", DataTypes.createArrayType(DataTypes.DoubleType), false);
        return spark.createDataFrame(data, schema);
    }

    /** Sources of 2–5 ids in [4, 9); targets the reverse. */
    private static Dataset<Row> reversals(SparkSession spark, int rows, Random random) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<Integer> source = new ArrayList<>();
            for (int t = 0, n = 2 + random.nextInt(4); t < n; t++) {
                source.add(4 + random.nextInt(5));
            }
            List<Integer> target = new ArrayList<>(source);
            Collections.reverse(target);
            data.add(RowFactory.create(source, target));
        }
        StructType schema = new StructType().add("source", DataTypes.createArrayType(DataTypes.IntegerType), false)
                .add("target", DataTypes.createArrayType(DataTypes.IntegerType), false);
        return spark.createDataFrame(data, schema);
    }
}
