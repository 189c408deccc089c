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
import java.util.List;
import java.util.stream.Stream;
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
    void aLockOfAProcessOnThisHostThatHasExitedIsBrokenAtOnce() throws Exception {
        String dead = writeLock(LockHolder.hostName(), exitedProcess(), null);

        try (RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60)))) {
            assertTrue(Files.readString(lockFile).contains(next.owner()));
            assertFalse(Files.readString(lockFile).contains(dead));
            assertEquals(List.of("LOCK"), filesBesideTheLock(), "no guard file is left behind");
        }
    }

    @Test
    void aLockOfALiveProcessOnThisHostStillBlocks() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        writeLock(LockHolder.hostName(), self.pid(), self.info().startInstant().orElseThrow());

        assertThrows(RegistryLockedException.class,
                () -> RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60))));
    }

    @Test
    void aLockWhosePidNowBelongsToALaterProcessIsBroken() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Instant earlierStart = self.info().startInstant().orElseThrow().minus(Duration.ofHours(1));
        writeLock(LockHolder.hostName(), self.pid(), earlierStart);

        try (RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60)))) {
            assertTrue(Files.readString(lockFile).contains(next.owner()));
        }
    }

    @Test
    void aLockOfAnotherHostBlocksUntilItsExpiryEvenWithAPidThatIsDeadHere() throws Exception {
        writeLock("another-host.example", exitedProcess(), null);

        assertThrows(RegistryLockedException.class,
                () -> RetrainLock.acquire(registry, EXPIRY, at(T0.plus(EXPIRY).minusSeconds(1))));
        try (RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0.plus(EXPIRY)))) {
            assertTrue(Files.readString(lockFile).contains(next.owner()));
        }
    }

    @Test
    void aDeadLockThatAnotherRunIsBreakingIsLeftToThatRun() throws Exception {
        String dead = writeLock(LockHolder.hostName(), exitedProcess(), null);
        Path guard = Path.of(RetrainLock.guardFile(new org.apache.hadoop.fs.Path(lockFile.toUri()), dead).toUri());
        // The other run's guard: created with the same create-if-absent, by a live process (this one).
        Files.writeString(guard, LockHolder.thisProcess(T0, T0.plus(EXPIRY)).toJson());

        assertThrows(RegistryLockedException.class,
                () -> RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60))));
        assertEquals(dead, Files.readString(lockFile), "the lock is the other breaker's to delete");

        // A guard whose breaker died mid-break is broken like a lock, and then the dead lock too.
        Files.writeString(guard, new LockHolder("breaker", T0.toString(), T0.plus(EXPIRY).toString(),
                LockHolder.hostName(), exitedProcess(), null).toJson());
        try (RetrainLock next = RetrainLock.acquire(registry, EXPIRY, at(T0.plusSeconds(60)))) {
            assertTrue(Files.readString(lockFile).contains(next.owner()));
            assertFalse(Files.exists(guard));
        }
    }

    @Test
    void theExpiryMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RetrainLock.acquire(registry, Duration.ZERO));
    }

    /**
     * Writes a lock acquired at {@link #T0}, expiring after {@link #EXPIRY}, held by {@code pid} on {@code host}.
     *
     * @return the lock file's text
     */
    private String writeLock(String host, long pid, Instant processStartedAt) throws Exception {
        String text = new LockHolder("someone@" + host + " pid " + pid + " id 0", T0.toString(),
                T0.plus(EXPIRY).toString(), host, pid, processStartedAt == null ? null : processStartedAt.toString())
                .toJson();
        Files.createDirectories(lockFile.getParent());
        Files.writeString(lockFile, text);
        return text;
    }

    /** The pid of a real process that has run and exited (and been reaped). */
    private static long exitedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertEquals(0, process.waitFor());
        assertFalse(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false));
        return process.pid();
    }

    /** The names of the files in the lock's folder, without Hadoop's checksum files. */
    private List<String> filesBesideTheLock() throws Exception {
        try (Stream<Path> files = Files.list(lockFile.getParent())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        }
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
