package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.generative.AutoEncoderModel;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline train} with an unsupervised model type ({@code AutoEncoder}): no label needed. */
@ExtendWith(SparkSessionExtension.class)
class UnsupervisedJobTest {

    /** conf/examples/digits-autoencoder.yaml with its data path made absolute and its output under {@code dir}. */
    private static String example(Path dir) throws Exception {
        Path root = DataSamples.dir().getParent();
        return Files.readString(root.resolve("conf/examples/digits-autoencoder.yaml"))
                .replace("path: data-samples/", "path: " + root.resolve("data-samples") + "/")
                .replaceFirst("output: \\{model: [^}]*}", "output: {model: " + dir.resolve("model") + "}");
    }

    @Test
    void theExampleAutoEncoderJobReportsReconstructionErrors(SparkSession spark, @TempDir Path dir) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, example(dir)));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mean reconstruction error"), run.out());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        double mean = metrics.get("meanReconstructionError").asDouble();
        assertAll(
                () -> assertEquals("AutoEncoder", metrics.get("modelType").asText()),
                () -> assertEquals(1797, metrics.get("trainRows").asLong() + metrics.get("testRows").asLong()),
                () -> assertEquals(20, metrics.get("epochs").asInt()),
                () -> assertEquals(8, metrics.get("codeSize").asInt()),
                () -> assertEquals(64, metrics.get("numFeatures").asInt()),
                () -> assertTrue(metrics.get("medianReconstructionError").asDouble()
                        <= metrics.get("p95ReconstructionError").asDouble(), metrics.toString()),
                () -> assertTrue(metrics.get("p95ReconstructionError").asDouble()
                        <= metrics.get("maxReconstructionError").asDouble(), metrics.toString()));
        // Standardized features: predicting the mean (0) would cost about the share of non-constant pixels, ~0.95.
        assertTrue(mean > 0 && mean < 0.5, "mean test reconstruction error " + mean);

        PipelineModel saved = PipelineModel.load(dir.resolve("model").toString());
        assertEquals(3, saved.stages().length, "assembler, scaler, autoencoder");
        assertTrue(saved.stages()[2] instanceof AutoEncoderModel);
        Dataset<Row> scored = saved.transform(DataSamples.csv(spark, "digits8x8.csv.gz"));
        assertTrue(Arrays.asList(scored.columns()).containsAll(java.util.List.of("label", "code",
                "reconstructionError")));
        double all = scored.agg(functions.avg("reconstructionError")).first().getDouble(0);
        assertTrue(Math.abs(all - mean) < 0.25 * mean, "all rows " + all + " vs test rows " + mean);
    }

    @Test
    void anAutoEncoderJobNeedsNoLabel(SparkSession spark, @TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("points.parquet");
        spark.range(60).selectExpr("CAST(id % 7 AS DOUBLE) AS a", "CAST(id % 5 AS DOUBLE) AS b",
                "CAST(id % 3 AS DOUBLE) AS c").write().parquet(parquet.toString());
        String yaml = """
                name: unlabeled
                data: {path: %s, format: parquet}
                model:
                  type: AutoEncoder
                  params: {hiddenLayers: [4], codeSize: 1, maxEpochs: 2, numWorkers: 1}
                output: {model: %s}
                """.formatted(parquet, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertEquals(3, metrics.get("numFeatures").asInt(), "without data.label every column is a feature");
        assertTrue(metrics.get("meanReconstructionError").asDouble() > 0, metrics.toString());
    }

    @Test
    void supervisedTypesStillRequireTheLabelAndUnsupervisedOnesCannotBeTuned(@TempDir Path dir) throws Exception {
        String noLabel = JobFiles.irisJob(dir, 1, "").replace("  label: label\n", "");
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, noLabel));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("data.label") && run.err().contains("DeepClassifier learns from a label"),
                run.err());

        String tune = example(dir) + "tune: {folds: 2, grid: {codeSize: [4, 8]}}\n";
        JobFiles.Run tuned = JobFiles.run("tune", JobFiles.write(dir, tune));
        assertEquals(2, tuned.exitCode(), tuned.err());
        assertTrue(tuned.err().contains("tune") && tuned.err().contains("unsupervised"), tuned.err());
    }
}
