package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.sequence.SequenceTasks;
import io.deepline.pipelines.sequence.TransformerClassificationModel;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.text.TokenIndexerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline train} with {@code model.type: TransformerClassifier}, from {@code data.text} and {@code data.sequence}. */
@ExtendWith(SparkSessionExtension.class)
class TransformerJobsTest {

    @Test
    void aTextJobTrainsATransformerOnWordIds(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mail.csv");
        Files.writeString(csv, TextJobTest.mailCsv(160, new Random(7)));
        String yaml = """
                name: transformer-text-test
                data:
                  path: %s
                  options: {header: "true", escape: "\\"", multiLine: "true"}
                  label: kind
                  text: body
                split: {train: 0.75, test: 0.25, seed: 1}   # 117/43 rows (seed 3 held out 54 of 160)
                preprocess: {text: {maxVocabularySize: 50, minDocuments: 2}}
                model:
                  type: TransformerClassifier
                  params: {modelDim: 8, numHeads: 2, ffDim: 16, numLayers: 1, dropout: 0.0, preNorm: true,
                           pooling: cls, maxSequenceLength: 12, maxEpochs: 6, batchSize: 16, updater: adam,
                           learningRate: 0.03, numWorkers: 2, seed: 5}
                output: {model: %s}
                """.formatted(csv, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        TokenIndexerModel indexer = TextJobTest.stage(model, TokenIndexerModel.class);
        TransformerClassificationModel classifier = TextJobTest.stage(model, TransformerClassificationModel.class);
        assertAll(
                () -> assertEquals("TransformerClassifier", metrics.get("modelType").asText()),
                () -> assertEquals(indexer.vocabularySize(), classifier.getVocabularySize()),
                () -> assertEquals(indexer.vocabularySize(), metrics.get("vocabularySize").asInt()),
                () -> assertEquals("token_ids", metrics.get("sequenceInput").asText()),
                () -> assertEquals(8, metrics.get("modelDim").asInt()),
                () -> assertEquals(2, metrics.get("numHeads").asInt()),
                () -> assertEquals("cls", metrics.get("pooling").asText()),
                () -> assertTrue(classifier.getPreNorm()),
                () -> assertEquals(6, metrics.get("history").size()),
                () -> assertTrue(metrics.get("accuracy").asDouble() >= 0.9, metrics.toString()));
    }

    @Test
    void aSequenceColumnJobTrainsATransformerOnStepVectors(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("sequences.parquet");
        SequenceTasks.signOfMean(spark, 400, 5).write().parquet(parquet.toString());
        String yaml = """
                name: transformer-sequence-test
                data: {path: %s, format: parquet, label: label, sequence: seq}
                split: {train: 0.75, test: 0.25, seed: 3}
                model:
                  type: TransformerClassifier
                  params: {modelDim: 8, numHeads: 4, ffDim: 16, numLayers: 1, dropout: 0.0, maxEpochs: 8,
                           batchSize: 16, learningRate: 0.02, numWorkers: 2, seed: 1}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertAll(
                () -> assertEquals("step_vectors", metrics.get("sequenceInput").asText()),
                () -> assertEquals(2, metrics.get("numFeatures").asInt()),
                () -> assertEquals(4, metrics.get("numHeads").asInt()),
                () -> assertTrue(metrics.get("accuracy").asDouble() >= 0.85, metrics.toString()));
    }

    @Test
    void numHeadsThatDoNotDivideModelDimFailTheJobNamingBoth(SparkSession spark, @TempDir Path dir)
            throws Exception {
        Path parquet = dir.resolve("sequences.parquet");
        SequenceTasks.signOfMean(spark, 20, 6).write().parquet(parquet.toString());
        String yaml = """
                name: transformer-bad-heads
                data: {path: %s, format: parquet, label: label, sequence: seq}
                model: {type: TransformerClassifier, params: {modelDim: 10, numHeads: 4}}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertTrue(run.exitCode() != 0, "the job must fail");
        assertTrue(run.err().contains("numHeads is 4") && run.err().contains("modelDim 10"), run.err());
    }
}
