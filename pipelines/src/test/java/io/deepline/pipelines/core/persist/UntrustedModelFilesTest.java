package io.deepline.pipelines.core.persist;

import static io.deepline.pipelines.core.persist.DeepClassificationModelPersistenceTest.assertFailsNaming;
import static io.deepline.pipelines.core.persist.DeepClassificationModelPersistenceTest.fixtureCopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model directory from an untrusted source cannot make loading read or allocate more than
 * {@link ModelSizeLimit#KEY} allows, whatever its files declare; each case is the format-1 fixture with one file
 * replaced.
 */
@ExtendWith(SparkSessionExtension.class)
class UntrustedModelFilesTest {

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

    /**
     * {@code array}, as {@code Nd4j.write} writes it, with the element count its shape buffer (0) or values buffer
     * (1) declares replaced by {@code count}.
     */
    private static byte[] withDeclaredCount(byte[] array, int buffer, long count) {
        ByteBuffer b = ByteBuffer.wrap(array.clone());
        int at = 0;
        for (int k = 0; k < buffer; k++) {
            at += 2 + b.getShort(at);
            long shapeLongs = b.getLong(at);
            at += 8;
            at += 2 + b.getShort(at) + 8 * (int) shapeLongs;
        }
        at += 2 + b.getShort(at);
        b.putLong(at, count);
        return b.array();
    }

    @Test
    void arrayHeadersDeclaringHugeSizesAreRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Map<String, byte[]> entries = networkEntries(model);
        byte[] params = entries.get("coefficients.bin");
        entries.put("coefficients.bin", withDeclaredCount(params, 1, 1L << 40));
        writeNetwork(model, entries);
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip", ModelSizeLimit.KEY);
        entries.put("coefficients.bin", withDeclaredCount(params, 0, 1L << 28));
        writeNetwork(model, entries);
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip", "corrupt",
                "shape information declares " + (8L << 28) + " bytes");
    }

    @Test
    void zipEndingAfterTheParamsIsRefused(@TempDir Path dir) throws Exception {
        Path model = fixtureCopy(dir);
        Map<String, byte[]> entries = networkEntries(model);
        entries.remove("updaterState.bin");
        writeNetwork(model, entries);
        assertFailsNaming(() -> DeepClassificationModel.load(model.toString()), "network.zip", "corrupt",
                "no updaterState.bin inside");
    }
}
