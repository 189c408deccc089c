package io.deepline.jobs.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on a real (in-process) HDFS, whose semantics differ from the local file system where it matters: a
 * plain rename does not replace an existing file, and create-if-absent is atomic.
 */
class RegistryOnHdfsTest {

    @TempDir
    static Path base;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        // Faster for a one-node test cluster: the datanode registers sooner, and a closing file polls for its
        // block's acknowledgement every 10 ms instead of backing off from 400 ms.
        conf.setInt("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private ModelRegistry open(String name) {
        return ModelRegistry.open(hdfs.getUri() + "/registry", new RegistryName(name), hdfs.getConf());
    }

    @Test
    void promotionReplacesThePointerWherePlainRenameWouldNot() throws Exception {
        ModelRegistry registry = open("promote");
        org.apache.hadoop.fs.Path probe = new org.apache.hadoop.fs.Path(registry.root(), "probe");
        write(probe, "new");
        write(registry.championFile(), "old");
        assertFalse(hdfs.rename(probe, registry.championFile()), "HDFS's rename replaced an existing file");
        hdfs.delete(registry.championFile(), false);
        hdfs.delete(probe, false);

        registry.promote(RegistryFixtures.commitVersion(registry, "{}"));
        registry.promote(RegistryFixtures.commitVersion(registry, "{}"));

        assertEquals(OptionalInt.of(2), registry.champion());
        assertEquals(List.of(1, 2), registry.versions());
        assertEquals(List.of("CHAMPION", "versions"), List.of(hdfs.listStatus(registry.root())).stream()
                .map(s -> s.getPath().getName()).sorted().toList());
    }

    @Test
    void crashLeftoversAreInvisibleAndPruneKeepsTheChampion() {
        ModelRegistry registry = open("prune");
        registry.promote(RegistryFixtures.commitVersion(registry, "{}"));
        RegistryFixtures.commitVersion(registry, "{}");
        RegistryFixtures.commitVersion(registry, "{}");
        registry.newVersion().writeText(VersionFiles.METRICS, "{}"); // 4, a crashed run

        assertEquals(List.of(1, 2, 3), registry.versions());
        assertEquals(List.of(4), registry.removeIncomplete());
        assertEquals(List.of(2), registry.prune(1));
        assertEquals(List.of(1, 3), registry.versions());
    }

    @Test
    void theLockKeepsASecondRunOutUntilItExpires() throws Exception {
        ModelRegistry registry = open("lock");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Duration expiry = Duration.ofMinutes(5);
        RetrainLock first = RetrainLock.acquire(registry, expiry, Clock.fixed(t0, ZoneOffset.UTC));

        RegistryLockedException e = assertThrows(RegistryLockedException.class,
                () -> RetrainLock.acquire(registry, expiry, Clock.fixed(t0.plusSeconds(1), ZoneOffset.UTC)));
        assertEquals(first.owner(), e.owner());

        try (RetrainLock next = RetrainLock.acquire(registry, expiry,
                Clock.fixed(t0.plus(expiry).plusSeconds(1), ZoneOffset.UTC))) {
            first.close();
            assertTrue(hdfs.exists(next.file()), "the old owner deleted the new owner's lock");
        }
        assertFalse(hdfs.exists(first.file()));
    }

    private static void write(org.apache.hadoop.fs.Path file, String text) throws Exception {
        try (OutputStream out = hdfs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
