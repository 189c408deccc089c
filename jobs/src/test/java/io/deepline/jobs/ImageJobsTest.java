package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.vision.ImageClassificationModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.type: ImageClassifier} through {@code deepline train}, from the shipped example. */
@ExtendWith(SparkSessionExtension.class)
class ImageJobsTest {

    @Test
    void theDigitsCnnExampleTrainsAndRecordsItsShape(SparkSession spark, @TempDir Path dir) throws Exception {
        Path root = DataSamples.dir().getParent();
        String yaml = Files.readString(root.resolve("conf/examples/digits-cnn.yaml"))
                .replace("path: data-samples/", "path: " + root.resolve("data-samples") + "/")
                .replaceFirst("output: \\{model: [^}]*}", "output: {model: " + dir.resolve("model") + "}");

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        assertAll(
                () -> assertEquals("ImageClassifier", metrics.get("modelType").asText()),
                () -> assertEquals("[1,8,8]", metrics.get("imageShape").toString()),
                () -> assertEquals(10, metrics.get("numClasses").asInt()),
                () -> assertTrue(metrics.get("architecture").asText().startsWith("conv(32,3)"), metrics.toString()),
                () -> assertEquals(3, model.stages().length, "assembler, divideBy, CNN"),
                () -> assertTrue(model.stages()[1] instanceof ElementwiseProduct),
                () -> assertTrue(model.stages()[2] instanceof ImageClassificationModel),
                () -> assertTrue(metrics.get("accuracy").asDouble() >= 0.97, metrics.toString()));
    }
}
