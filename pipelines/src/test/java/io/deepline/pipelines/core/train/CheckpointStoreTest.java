package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.io.HadoopFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: exact round trip, atomic replacement, and clear errors for damaged files. */
class CheckpointStoreTest {

    private static CheckpointStore store(Path dir) {
        return new CheckpointStore(new HadoopFiles(new Configuration()), dir.toString());
    }

    /**
     * A checkpoint after {@code epochs} epochs with random floats (incl. NaN and -0) and, optionally, a best state
     * and a start loss (without: as an earlier version wrote it).
     */
    private static TrainingCheckpoint checkpoint(int epochs, boolean withBest, long seed) {
        Random random = new Random(seed);
        List<EpochStats> stats = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            stats.add(new EpochStats(e, random.nextDouble(), 0.5, 100, 200.0, random.nextDouble(), 0.75));
        }
        NetworkSnapshot state = new NetworkSnapshot("{\"layers\": \"ü\"}", floats(random, 50), floats(random, 100),
                7 * epochs, epochs);
        NetworkSnapshot best = withBest ? state.withState(floats(random, 50), floats(random, 100), 7, 1) : null;
        return withBest ? new TrainingCheckpoint("fingerprint-" + seed, state, best, stats, random.nextDouble())
                : new TrainingCheckpoint("fingerprint-" + seed, state, null, stats);
    }

    private static float[] floats(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[0] = Float.NaN;
        values[1] = -0.0f;
        return values;
    }

    @Test
    void aCheckpointReadsBackExactly(@TempDir Path dir) {
        TrainingCheckpoint written = checkpoint(3, true, 1);
        String path = store(dir).write(written);
        TrainingCheckpoint read = store(dir).read(path);

        assertEquals(written.fingerprint(), read.fingerprint());
        assertEquals(written.epochs(), read.epochs());
        assertSnapshotEquals(written.state(), read.state());
        assertSnapshotEquals(written.best(), read.best());
        assertEquals(written.startLoss(), read.startLoss());
        TrainingCheckpoint plain = store(dir).read(store(dir).write(checkpoint(4, false, 2)));
        assertNull(plain.best());
        assertTrue(Double.isNaN(plain.startLoss()), "no start loss recorded, none read");
    }

    @Test
    void aNewCheckpointReplacesTheOthersAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        CheckpointStore store = store(dir.resolve("c"));
        assertEquals(Optional.empty(), store.latestPath(), "a missing directory holds no checkpoint");
        store.write(checkpoint(2, false, 1));
        assertEquals(Optional.of(dir.resolve("c").resolve("epoch-00002.ckpt").toString()), store.latestPath());
        store.write(checkpoint(4, false, 1));
        store.write(checkpoint(1, false, 3)); // as after checkpointMode=overwrite: lower epochs replace higher ones
        try (var files = Files.list(dir.resolve("c"))) {
            assertEquals(List.of("epoch-00001.ckpt"), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".crc")).toList());
        }
        assertEquals(1, store.read(store.latestPath().orElseThrow()).epoch());
    }

    @Test
    void damagedFilesAreErrorsNamingThePath(@TempDir Path dir) throws Exception {
        String path = store(dir).write(checkpoint(2, true, 1));
        Path file = Path.of(path);
        byte[] good = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 20));
        assertFailsNaming(IllegalStateException.class, () -> store(dir).read(path), path, "corrupt",
                "checkpointMode=overwrite");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(file, flipped);
        // Hadoop's local file system verifies its own ".crc" sibling first; without it, our trailing CRC-32 must
        // catch the flipped bit (HDFS and object stores have no such sibling).
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        assertFailsNaming(IllegalStateException.class, () -> store(dir).read(path), path, "checksum does not match");
        Files.write(file, new byte[0]);
        assertFailsNaming(IllegalStateException.class, () -> store(dir).read(path), path);
        Files.writeString(file, "{\"not\": \"a checkpoint\", \"padding\": \"................\"}");
        assertFailsNaming(IllegalStateException.class, () -> store(dir).read(path), path, "DLCKPT");
        Files.delete(file);
        assertFailsNaming(IllegalStateException.class, () -> store(dir).read(path), path);
    }

    private static void assertSnapshotEquals(NetworkSnapshot expected, NetworkSnapshot actual) {
        assertEquals(expected.configurationJson(), actual.configurationJson());
        assertArrayEquals(expected.params(), actual.params());
        assertArrayEquals(expected.updaterState(), actual.updaterState());
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.epoch(), actual.epoch());
        assertTrue(Float.isNaN(actual.params()[0]) && Float.floatToRawIntBits(actual.params()[1]) == 0x80000000);
    }
}
