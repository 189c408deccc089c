package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The saved layout, and broken model directories failing with a message that names the path. */
@ExtendWith(SparkSessionExtension.class)
class PerceptronModelPersistenceTest {

    private static void assertFailsNaming(Executable load, String... parts) {
        IllegalStateException e = assertThrows(IllegalStateException.class, load);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    /** A model of 2 features saved under {@code dir/model}. */
    private static Path savedModel(Path dir) throws IOException {
        PerceptronClassificationModel model = new PerceptronClassificationModel("perceptron_saved",
                new PerceptronWeights(new double[] {0.1, -2.5e-17}, 3), new long[] {4, 1, 0}, true);
        Path path = dir.resolve("model");
        model.save(path.toString());
        return path;
    }

    @Test
    void weightsFileHoldsWeightsHistoryAndConvergence(@TempDir Path dir) throws Exception {
        Path path = savedModel(dir);
        String json = Files.readString(path.resolve("data/weights.json"));
        for (String field : new String[] {"\"weights\"", "\"intercept\"", "\"mistakesPerEpoch\"", "\"converged\""}) {
            assertTrue(json.contains(field), json);
        }
        PerceptronClassificationModel loaded = PerceptronClassificationModel.load(path.toString());
        assertEquals(-2.5e-17, loaded.weights().apply(1), "doubles round-trip exactly");
        assertEquals(2, loaded.numFeatures());
    }

    @Test
    void missingCorruptOrMismatchedWeightsFailNamingThePath(@TempDir Path dir) throws Exception {
        Path path = savedModel(dir);
        Path weights = path.resolve("data/weights.json");
        String good = Files.readString(weights);
        // Hadoop's local file system keeps a checksum beside each file; drop it so our edits are read as written.
        Files.deleteIfExists(weights.resolveSibling(".weights.json.crc"));

        Files.writeString(weights, good.replace("-2.5E-17", "-2.5E-17, 7.0"));
        assertFailsNaming(() -> PerceptronClassificationModel.load(path.toString()), weights.toString(),
                "expected 2 weights");

        Files.writeString(weights, "{\"weights\": [0.1, ");
        assertFailsNaming(() -> PerceptronClassificationModel.load(path.toString()), weights.toString(), "corrupt");

        Files.delete(weights);
        assertFailsNaming(() -> PerceptronClassificationModel.load(path.toString()), weights.toString(), "missing");
    }

    @Test
    void anotherStageOrNoStageIsRefused(SparkSession spark, @TempDir Path dir) throws Exception {
        Path estimator = dir.resolve("estimator");
        new PerceptronClassifier().save(estimator.toString());
        assertFailsNaming(() -> PerceptronClassificationModel.load(estimator.toString()), estimator.toString(),
                PerceptronClassifier.class.getName());
        Path nothing = dir.resolve("nothing");
        assertFailsNaming(() -> PerceptronClassificationModel.load(nothing.toString()), nothing.toString(), "missing");
    }
}
