package io.deepline.pipelines.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Saved models stay loadable across versions, and broken model directories fail with a clear message. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassificationModelPersistenceTest {

    private static Path fixture() throws URISyntaxException {
        return Paths.get(DeepClassificationModelPersistenceTest.class
                .getResource("/fixtures/" + ModelFixtures.CLASSIFIER_FORMAT_1).toURI());
    }

    /** A writable copy of the format-1 fixture model. */
    private static Path fixtureCopy(Path dir) throws Exception {
        Path source = fixture().resolve("model");
        Path target = dir.resolve("model");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, target.resolve(source.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static void assertFailsNaming(Executable load, String... parts) {
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

    /** The entries of the fixture's network.zip, by name, in order. */
    private static Map<String, byte[]> networkEntries(Path model) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model.resolve("data/network.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static void writeNetwork(Path model, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(model.resolve("data/network.zip")))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /** The fixture with its params replaced by 10 MB of zeros: a valid ND4J array that deflates to kilobytes. */
    private static Path zipBomb(Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Map<String, byte[]> entries = networkEntries(model);
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(params)) {
            Nd4j.write(Nd4j.zeros(DataType.FLOAT, 10 << 18), out);
        }
        entries.put("coefficients.bin", params.toByteArray());
        writeNetwork(model, entries);
        assertTrue(Files.size(model.resolve("data/network.zip")) < 100_000);
        return model;
    }

    /** Runs {@code load} with {@link ModelSizeLimit#KEY} set to {@code limit}. */
    private static void withLimit(SparkSession spark, String limit, Executable load) throws Throwable {
        spark.conf().set(ModelSizeLimit.KEY, limit);
        try {
            load.execute();
        } finally {
            spark.conf().unset(ModelSizeLimit.KEY);
        }
    }

    @Test
    void zipBombIsRefusedNamingTheFileTheLimitAndTheSetting(SparkSession spark, @TempDir Path dir) throws Throwable {
        Path model = zipBomb(dir);
        withLimit(spark, "1m", () -> assertFailsNaming(() -> DeepClassificationModel.load(model.toString()),
                model.resolve("data/network.zip").toString(), "1048576", ModelSizeLimit.KEY, "raise the limit"));
    }

    @Test
    void zipWhoseHeadersUnderstateTheSizeIsRefused(SparkSession spark, @TempDir Path dir) throws Throwable {
        Path model = zipBomb(dir);
        Path zip = model.resolve("data/network.zip");
        Files.write(zip, ZipHeaders.withDeclaredSize(Files.readAllBytes(zip), "coefficients.bin", 100));
        try (ZipFile declared = new ZipFile(zip.toFile())) {
            assertEquals(100, declared.getEntry("coefficients.bin").getSize(), "the header lies");
            assertTrue(declared.stream().mapToLong(ZipEntry::getSize).sum() < 1 << 20);
        }
        withLimit(spark, "1m", () -> assertFailsNaming(() -> DeepClassificationModel.load(model.toString()),
                "network.zip", ModelSizeLimit.KEY));
    }

    @Test
    void limitCountsExactlyTheDecompressedBytes(SparkSession spark, @TempDir Path dir) throws Throwable {
        Path model = fixtureCopy(dir);
        long total = networkEntries(model).values().stream().mapToLong(b -> b.length).sum();
        withLimit(spark, Long.toString(total), () -> DeepClassificationModel.load(model.toString()));
        withLimit(spark, Long.toString(total - 1), () -> assertFailsNaming(
                () -> DeepClassificationModel.load(model.toString()), "network.zip", Long.toString(total - 1)));
    }

    @Test
    void oversizedJsonFileIsRefused(SparkSession spark, @TempDir Path dir) throws Throwable {
        Path model = fixtureCopy(dir);
        Path history = model.resolve("data/history.json");
        Files.writeString(history, Files.readString(history) + " ".repeat(200_000));
        withLimit(spark, "100k", () -> assertFailsNaming(() -> DeepClassificationModel.load(model.toString()),
                history.toString(), ModelSizeLimit.KEY));
    }

    @Test
    void entriesDeeplineDoesNotWriteAreRefused(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Map<String, byte[]> entries = networkEntries(model);
        entries.put("preprocessor.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
        writeNetwork(model, entries);
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip",
                "unexpected entry 'preprocessor.bin'");
    }
}
