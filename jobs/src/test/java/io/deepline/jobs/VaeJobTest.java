package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.generative.VariationalAutoEncoderModel;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.spark.ml.PipelineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline train} with {@code model.type: VariationalAutoEncoder}: no label, log-probability metrics, samples. */
@ExtendWith(SparkSessionExtension.class)
class VaeJobTest {

    @Test
    void aDigitsVaeJobReportsLogProbabilitiesAndAGridOfGeneratedDigits(@TempDir Path dir) throws Exception {
        String yaml = """
                name: digits-vae-test
                data:
                  path: %s
                  options: {header: "true", inferSchema: "true"}
                  label: label
                split: {train: 0.8, test: 0.2, seed: 5}
                preprocess: {divideBy: 16}
                model:
                  type: VariationalAutoEncoder
                  params: {encoderLayers: [48], decoderLayers: [48], latentSize: 4, maxEpochs: 8, batchSize: 32,
                           learningRate: 0.01, numWorkers: 2, seed: 3}
                output: {model: %s}
                """.formatted(DataSamples.dir().resolve("digits8x8.csv.gz"), dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mean reconstruction log p"), run.out());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        double mean = metrics.get("meanReconstructionLogProb").asDouble();
        assertAll(
                () -> assertEquals("VariationalAutoEncoder", metrics.get("modelType").asText()),
                () -> assertEquals(4, metrics.get("latentSize").asInt()),
                () -> assertEquals(64, metrics.get("numFeatures").asInt()),
                () -> assertEquals(8, metrics.get("history").size()),
                () -> assertTrue(metrics.get("p05ReconstructionLogProb").asDouble()
                        <= metrics.get("medianReconstructionLogProb").asDouble(), metrics.toString()),
                // 64 Bernoulli pixels: log p of a coin-flip model is 64·ln ½ ≈ −44; a trained decoder does better.
                () -> assertTrue(mean < 0 && mean > 64 * Math.log(0.5), "mean log p " + mean));

        BufferedImage samples = ImageIO.read(dir.resolve("model/report/samples.png").toFile());
        assertEquals(64, samples.getWidth(), "8 columns of 8-pixel digits");
        assertEquals(64, samples.getHeight(), "8 rows of 8-pixel digits");
        PipelineModel saved = PipelineModel.load(dir.resolve("model").toString());
        assertTrue(saved.stages()[saved.stages().length - 1] instanceof VariationalAutoEncoderModel);
    }
}
