package io.deepline.pipelines.core.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Saved models stay loadable across versions, and broken model directories fail with a clear message. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassificationModelPersistenceTest {

    private static Path fixture() throws URISyntaxException {
        return Paths.get(DeepClassificationModelPersistenceTest.class
                .getResource("/fixtures/" + ModelFixtures.CLASSIFIER_FORMAT_1).toURI());
    }

    /** A writable copy of the format-1 fixture model. */
    static Path fixtureCopy(Path dir) throws Exception {
        Path source = fixture().resolve("model");
        Path target = dir.resolve("model");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, target.resolve(source.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    static void assertFailsNaming(Executable load, String... parts) {
        IllegalStateException e = assertThrows(IllegalStateException.class, load);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void modelSavedInFormatOneStillLoadsAndPredictsTheSame(SparkSession spark) throws Exception {
        DeepClassificationModel model = DeepClassificationModel.load(fixture().resolve("model").toString());
        assertEquals(4, model.numFeatures());
        assertEquals(3, model.numClasses());
        assertEquals(3, model.trainingHistory().numEpochs());
        assertEquals("3.5.9", model.provenance().sparkVersion());
        JsonNode expected = Json.MAPPER.readTree(fixture().resolve("expected.json").toFile());
        assertTrue(expected.size() >= 5);
        for (JsonNode row : expected) {
            double[] features = Json.MAPPER.treeToValue(row.get("features"), double[].class);
            double[] probability = Json.MAPPER.treeToValue(row.get("probability"), double[].class);
            StageContract.assertClose(probability, model.predictProbability(Vectors.dense(features)).toArray(), 1e-6,
                    "probability of a fixture row");
        }
    }

    @Test
    void unknownFormatVersionIsRefusedNamingTheVersions(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Path metadata = model.resolve("metadata/part-00000");
        String json = Files.readString(metadata);
        assertTrue(json.contains("\"deeplineFormat\":1"), json);
        Files.writeString(metadata, json.replace("\"deeplineFormat\":1", "\"deeplineFormat\":99"));
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), model.toString(), "deeplineFormat 99",
                "formats 1 to " + DeeplineFormat.CURRENT);
    }

    @Test
    void missingOrCorruptNetworkIsNamed(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Files.write(model.resolve("data/network.zip"), new byte[] {1, 2, 3, 4});
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip", "corrupt");
        Files.delete(model.resolve("data/network.zip"));
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip", "missing");
    }

    @Test
    void missingOrCorruptMetadataIsNamed(@TempDir Path dir) throws Exception {
        assertFailsNaming(() -> DeepClassificationModel.load(dir.resolve("nothing-here").toString()),
                "nothing-here", "metadata is missing");
        Path model = fixtureCopy(dir);
        Files.writeString(model.resolve("metadata/part-00000"), "{not json");
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "metadata", "corrupt");
    }

    @Test
    void corruptHistoryIsNamed(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Files.writeString(model.resolve("data/history.json"), "[{\"epoch\": \"x\"");
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "history", "corrupt");
    }

    @Test
    void loadingAnotherStageTypeNamesTheRightLoader(@TempDir Path dir) throws IOException {
        String path = dir.resolve("estimator").toString();
        new DeepClassifier().save(path);
        assertFailsNaming(() -> DeepClassificationModel.load(path), DeepClassifier.class.getName(), "load");
    }
}
