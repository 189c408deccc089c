package io.deepline.jobs.registry;

import static io.deepline.jobs.registry.RegistryFixtures.open;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainLockTest {

    private static final Duration EXPIRY = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private ModelRegistry registry;
    private Path lockFile;

    @BeforeEach
    void openRegistry() {
        registry = open(dir, "m");
        lockFile = dir.resolve("m/LOCK");
    }

    @Test
    void theLockFileNamesItsOwnerAndExpiry() throws Exception {
        try (RetrainLock lock = RetrainLock.acquire(registry, EXPIRY, at(T0))) {
            String json = Files.readString(lockFile);

            assertTrue(json.contains("\"owner\" : \"" + lock.owner() + "\""), json);
            assertTrue(lock.owner().matches(".+@.+ pid \\d+ id [0-9a-f-]{36}"), lock.owner());
            assertTrue(json.contains("\"acquiredAt\" : \"2026-01-01T00:00:00Z\""), json);
            assertTrue(json.contains("\"expiresAt\" : \"2026-01-01T00:10:00Z\""), json);
        }
    }

    @Test
    void aSecondAcquireFailsNamingTheOwnerTheExpiryAndTheFix() {
        try (RetrainLock first = RetrainLock.acquire(registry, EXPIRY, at(T0))) {
            RegistryLockedException e = assertThrows(RegistryLockedException.class,
                    () -> RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60))));

            assertEquals(first.owner(), e.owner());
            assertEquals(T0.plus(EXPIRY), e.expiresAt());
            assertTrue(e.getMessage().contains(first.owner()) && e.getMessage().contains("LOCK")
                    && e.getMessage().contains("2026-01-01T00:10:00Z") && e.getMessage().contains("delete"),
                    e.getMessage());
            assertEquals(3, RetrainLock.EXIT_CODE_LOCKED);
        }
    }

    @Test
    void closeReleasesSoTheNextRunAcquires() {
        RetrainLock first = RetrainLock.acquire(registry, EXPIRY, at(T0));
        first.close();
        assertFalse(Files.exists(lockFile));

        try (RetrainLock second = RetrainLock.acquire(registry, EXPIRY, at(T0))) {
            assertNotEquals(first.owner(), second.owner());
            assertDoesNotThrow(second::requireHeld);
        }
    }

    @Test
    void aLockDeletedByHandLetsTheNextRunIn() throws Exception {
        RetrainLock dead = RetrainLock.acquire(registry, EXPIRY, at(T0));
        Files.delete(lockFile); // the fix the locked message suggests when the owner is dead

        try (RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0))) {
            assertTrue(Files.readString(lockFile).contains(next.owner()));
            dead.close();
            assertDoesNotThrow(next::requireHeld);
        }
    }

    @Test
    void anExpiredLockIsTakenOverAndItsOldOwnerCannotReleaseIt() throws Exception {
        RetrainLock dead = RetrainLock.acquire(registry, EXPIRY, at(T0));

        RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0.plus(EXPIRY).plusSeconds(1)));

        assertTrue(Files.readString(lockFile).contains(next.owner()));
        IllegalStateException lost = assertThrows(IllegalStateException.class, dead::requireHeld);
        assertTrue(lost.getMessage().contains("no longer holds") && lost.getMessage().contains(next.owner()),
                lost.getMessage());
        dead.close(); // must leave the new owner's lock alone
        assertTrue(Files.readString(lockFile).contains(next.owner()));
        next.close();
        assertFalse(Files.exists(lockFile));
    }

    @Test
    void aLockIsHeldUpToItsExpiry() {
        try (RetrainLock first = RetrainLock.acquire(registry, EXPIRY, at(T0))) {
            assertThrows(RegistryLockedException.class,
                    () -> RetrainLock.acquire(registry, EXPIRY, at(T0.plus(EXPIRY).minusMillis(1))));
            assertDoesNotThrow(first::requireHeld);
        }
    }

    @Test
    void requireHeldFailsOnceTheLockHasExpiredOrBeenReleased() {
        RetrainLock lock = RetrainLock.acquire(registry, Duration.ofMinutes(1));
        lock.close();
        assertThrows(IllegalStateException.class, lock::requireHeld);

        MovingClock clock = new MovingClock(T0);
        RetrainLock slow = RetrainLock.acquire(registry, EXPIRY, clock);
        clock.now = T0.plus(EXPIRY).minusSeconds(1);
        assertDoesNotThrow(slow::requireHeld);
        clock.now = T0.plus(EXPIRY);
        IllegalStateException e = assertThrows(IllegalStateException.class, slow::requireHeld);
        assertTrue(e.getMessage().contains("expired") && e.getMessage().contains("registry.lockExpiryMinutes"),
                e.getMessage());
        slow.close();
    }

    @Test
    void anUnreadableLockCountsAsHeldUntilItsModificationTimePlusTheExpiry() throws Exception {
        Files.createDirectories(lockFile.getParent());
        Files.writeString(lockFile, "{\"owner\": \"torn wri");

        RegistryLockedException held = assertThrows(RegistryLockedException.class,
                () -> RetrainLock.acquire(registry, EXPIRY));
        assertTrue(held.owner().startsWith("unknown"), held.owner());
        assertEquals(Files.getLastModifiedTime(lockFile).toMillis() + EXPIRY.toMillis(),
                held.expiresAt().toEpochMilli());

        Clock later = at(Instant.now().plus(EXPIRY).plusSeconds(60));
        try (RetrainLock taken = RetrainLock.acquire(registry, EXPIRY, later)) {
            assertTrue(Files.readString(lockFile).contains(taken.owner()));
        }
    }

    @Test
    void theExpiryMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RetrainLock.acquire(registry, Duration.ZERO));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A clock the test moves, for a run that outlives its lock. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
