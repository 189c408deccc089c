package io.deepline.jobs.registry;

import static io.deepline.jobs.registry.RegistryFixtures.commitVersion;
import static io.deepline.jobs.registry.RegistryFixtures.open;
import static io.deepline.jobs.registry.RegistryFixtures.writeAllFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryChampionTest {

    @TempDir
    Path dir;

    @Test
    void noChampionUntilTheFirstPromotion() {
        ModelRegistry registry = open(dir, "m");
        commitVersion(registry, "{}");

        assertEquals(OptionalInt.empty(), registry.champion());
    }

    @Test
    void promoteReplacesThePointerAndLeavesNoTemporaryFile() throws IOException {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        assertEquals("1\n", Files.readString(dir.resolve("m/CHAMPION")));

        registry.promote(commitVersion(registry, "{}"));

        assertEquals("2\n", Files.readString(dir.resolve("m/CHAMPION")));
        assertEquals(OptionalInt.of(2), registry.champion());
        assertEquals(List.of(), temporaryPointers());
    }

    @Test
    void aStaleTemporaryPointerFromACrashIsIgnoredAndCleanedUp() throws IOException {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        commitVersion(registry, "{}");
        // A run died after writing the temporary pointer to version 2, before the rename.
        Files.writeString(dir.resolve("m/CHAMPION.tmp-dead"), "2\n");

        assertEquals(OptionalInt.of(1), registry.champion());
        registry.promote(2);
        assertEquals(OptionalInt.of(2), registry.champion());
        registry.removeIncomplete();
        assertEquals(List.of(), temporaryPointers());
    }

    @Test
    void onlyACommittedVersionCanBePromotedAndAFailedPromotionChangesNothing() throws IOException {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        StagedVersion uncommitted = registry.newVersion();
        writeAllFiles(uncommitted, "{}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.promote(2));

        assertTrue(e.getMessage().contains("not committed"), e.getMessage());
        assertEquals("1\n", Files.readString(dir.resolve("m/CHAMPION")));
        assertThrows(IllegalArgumentException.class, () -> registry.promote(7));
    }

    @Test
    void aPointerHoldingGarbageIsReportedWithTheFileAndTheFix() throws IOException {
        ModelRegistry registry = open(dir, "m");
        commitVersion(registry, "{}");
        Files.writeString(dir.resolve("m/CHAMPION"), "version one");

        IllegalStateException e = assertThrows(IllegalStateException.class, registry::champion);

        assertTrue(e.getMessage().contains("CHAMPION should hold the champion's version number, but holds"
                + " 'version one'"), e.getMessage());
        assertTrue(e.getMessage().contains("one of [1]") && e.getMessage().contains("or delete it"), e.getMessage());

        Files.writeString(dir.resolve("m/CHAMPION"), "1\n"); // the fix the message suggests
        assertEquals(OptionalInt.of(1), registry.champion());
    }

    @Test
    void aPointerDeletedByHandMeansNoChampionAndPromotionWorksAgain() throws IOException {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        Files.delete(dir.resolve("m/CHAMPION")); // its hidden .crc stays behind on the local file system

        assertEquals(OptionalInt.empty(), registry.champion());
        registry.promote(commitVersion(registry, "{}"));
        assertEquals(OptionalInt.of(2), registry.champion());
    }

    @Test
    void aPointerToAMissingOrIncompleteVersionIsReported() throws IOException {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        // Edited by hand, as people do: the local file system's .crc sidecar is now stale, which must not matter.
        Files.writeString(dir.resolve("m/CHAMPION"), "5\n");
        IllegalStateException missing = assertThrows(IllegalStateException.class, registry::champion);
        assertTrue(missing.getMessage().contains("names version 5"), missing.getMessage());

        registry.newVersion(); // 2, never committed
        Files.writeString(dir.resolve("m/CHAMPION"), "2");
        IllegalStateException incomplete = assertThrows(IllegalStateException.class, registry::champion);
        assertTrue(incomplete.getMessage().contains("missing or incomplete"), incomplete.getMessage());
    }

    @Test
    void aCrashBeforeCommitLeavesTheChampionAndARerunWorks() {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        StagedVersion crashed = registry.newVersion();
        crashed.writeText(VersionFiles.METRICS, "{}"); // the process dies here

        ModelRegistry rerun = open(dir, "m");
        assertEquals(OptionalInt.of(1), rerun.champion());
        assertEquals(List.of(1), rerun.versions());
        assertEquals(List.of(2), rerun.removeIncomplete());
        int challenger = commitVersion(rerun, "{}");
        rerun.promote(challenger);

        assertEquals(2, challenger);
        assertEquals(OptionalInt.of(2), rerun.champion());
        assertFalse(rerun.versions().isEmpty());
    }

    private List<String> temporaryPointers() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("m"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("CHAMPION.tmp")).toList();
        }
    }
}
