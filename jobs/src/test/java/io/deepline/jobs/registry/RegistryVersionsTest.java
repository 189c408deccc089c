package io.deepline.jobs.registry;

import static io.deepline.jobs.registry.RegistryFixtures.commitVersion;
import static io.deepline.jobs.registry.RegistryFixtures.open;
import static io.deepline.jobs.registry.RegistryFixtures.writeAllFiles;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryVersionsTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedVersionHasTheDocumentedLayout() throws Exception {
        ModelRegistry registry = open(dir, "digits");

        int n = commitVersion(registry, "{\"f1Macro\": 0.9}");

        Path version = dir.resolve("digits/versions/1");
        assertAll(
                () -> assertEquals(1, n),
                () -> assertEquals(List.of(1), registry.versions()),
                () -> assertTrue(Files.isDirectory(version.resolve("model"))),
                () -> assertEquals("{\"f1Macro\": 0.9}", Files.readString(version.resolve("metrics.json"))),
                () -> assertEquals("{\"f1Macro\": 0.9}", registry.readText(1, VersionFiles.METRICS)),
                () -> assertTrue(Files.isRegularFile(version.resolve("job.yaml"))),
                () -> assertTrue(Files.isRegularFile(version.resolve("decision.json"))),
                () -> assertTrue(Files.isRegularFile(version.resolve("_SUCCESS"))),
                () -> assertEquals(version.resolve("model").toUri().getPath(),
                        registry.modelPath(1).toUri().getPath() + "/"));
    }

    @Test
    void anEmptyOrMissingRegistryHasNoVersions() {
        assertEquals(List.of(), open(dir, "nothing-yet").versions());
    }

    @Test
    void aVersionWithoutSuccessIsInvisible() {
        ModelRegistry registry = open(dir, "m");
        commitVersion(registry, "{}");
        StagedVersion crashed = registry.newVersion();
        writeAllFiles(crashed, "{}"); // everything but _SUCCESS: the run died before commit()

        assertEquals(2, crashed.number());
        assertEquals(List.of(1), registry.versions());
        assertFalse(registry.isVisible(2));
    }

    @Test
    void numberingSkipsAnIncompleteVersionUntilItIsRemoved() {
        ModelRegistry registry = open(dir, "m");
        commitVersion(registry, "{}");
        registry.newVersion(); // 2, left behind by a crash

        assertEquals(3, registry.newVersion().number());
        assertEquals(List.of(2, 3), registry.removeIncomplete());
        assertEquals(2, commitVersion(registry, "{}"));
        assertEquals(List.of(1, 2), registry.versions());
    }

    @Test
    void numbersAreNumericSoTenFollowsNine() throws Exception {
        ModelRegistry registry = open(dir, "m");
        for (int i = 10; i >= 1; i--) { // bare complete versions, made directly: only their names matter here
            Files.createDirectories(dir.resolve("m/versions/" + i));
            Files.createFile(dir.resolve("m/versions/" + i + "/_SUCCESS"));
        }
        Files.createDirectories(dir.resolve("m/versions/not-a-version"));
        Files.createDirectories(dir.resolve("m/versions/012"));

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), registry.versions());
        assertEquals(11, registry.newVersion().number());
    }

    @Test
    void commitRefusesAVersionWithMissingFiles() {
        StagedVersion staged = open(dir, "m").newVersion();
        staged.writeText(VersionFiles.METRICS, "{}");

        IllegalStateException e = assertThrows(IllegalStateException.class, staged::commit);

        assertTrue(e.getMessage().contains("[model, job.yaml, decision.json] missing"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m/versions/1/_SUCCESS")));
    }

    @Test
    void aCommittedVersionIsClosedAndSuccessIsWrittenOnlyByCommit() {
        StagedVersion staged = open(dir, "m").newVersion();
        assertThrows(IllegalArgumentException.class, () -> staged.writeText("_SUCCESS", ""));
        assertThrows(IllegalArgumentException.class, () -> staged.writeText("../escape.json", "{}"));
        writeAllFiles(staged, "{}");
        staged.commit();

        IllegalStateException again = assertThrows(IllegalStateException.class, staged::commit);
        assertTrue(again.getMessage().contains("already committed"), again.getMessage());
        assertThrows(IllegalStateException.class, () -> staged.writeText(VersionFiles.METRICS, "{}"));
    }

    @Test
    void discardDeletesAnUncommittedVersionOnly() {
        ModelRegistry registry = open(dir, "m");
        StagedVersion failed = registry.newVersion();
        failed.writeText(VersionFiles.METRICS, "{}");
        failed.discard();
        assertFalse(Files.exists(dir.resolve("m/versions/1")));

        StagedVersion kept = registry.newVersion();
        writeAllFiles(kept, "{}");
        kept.commit();
        kept.discard();
        assertEquals(List.of(1), registry.versions());
    }

    @Test
    void versionNumbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> open(dir, "m").versionDir(0));
    }
}
