package io.deepline.jobs.registry;

import static io.deepline.jobs.registry.RegistryFixtures.commitVersion;
import static io.deepline.jobs.registry.RegistryFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPruneTest {

    @TempDir
    Path dir;

    @Test
    void pruneKeepsTheNewestVersions() {
        ModelRegistry registry = open(dir, "m");
        for (int i = 0; i < 5; i++) {
            registry.promote(commitVersion(registry, "{}"));
        }

        assertEquals(List.of(1, 2), registry.prune(3));

        assertEquals(List.of(3, 4, 5), registry.versions());
        assertFalse(Files.exists(dir.resolve("m/versions/1")));
        assertEquals(List.of(), registry.prune(3));
    }

    @Test
    void pruneNeverDeletesTheChampionEvenWhenItIsTheOldest() {
        ModelRegistry registry = open(dir, "m");
        registry.promote(commitVersion(registry, "{}"));
        for (int i = 0; i < 4; i++) {
            commitVersion(registry, "{}"); // challengers that lost
        }

        assertEquals(List.of(2, 3, 4), registry.prune(1));

        assertEquals(List.of(1, 5), registry.versions());
        assertEquals(1, registry.champion().orElseThrow());
    }

    @Test
    void pruneLeavesIncompleteVersionsToRemoveIncomplete() {
        ModelRegistry registry = open(dir, "m");
        commitVersion(registry, "{}");
        commitVersion(registry, "{}");
        registry.newVersion(); // 3, incomplete

        assertEquals(List.of(1), registry.prune(1));
        assertTrue(Files.isDirectory(dir.resolve("m/versions/3")));
    }

    @Test
    void keepMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(dir, "m").prune(0));
        assertTrue(e.getMessage().contains("registry.keep"), e.getMessage());
    }
}
