package io.deepline.jobs.registry;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retrain of a registry name that may run: a {@code LOCK} file in {@code <registry>/<name>/} holding its
 * owner and expiry as JSON ({@link LockHolder}). Created with {@code create(overwrite = false)}, which fails if the
 * file exists (atomically on HDFS), and read back to confirm that this run wrote it.
 *
 * <p>A lock is broken, with a warning naming the old owner, when its holder is known to be gone: it names this host
 * and a process that no longer runs (a retrain killed with {@code kill -9}; see {@link LockHolder#deadOnThisHost()}),
 * or it is held past its expiry (a run on another host that died or hung: this host cannot see that host's
 * processes). Breaking is one run at a time: the breaker first creates a guard file named after the dead lock's
 * content, with the same create-if-absent the lock uses, and deletes the lock only if it still holds that content;
 * a second run finding the same dead lock fails to create the guard and leaves the lock alone. So a dead lock is
 * taken over by one run only, whichever creates the new {@code LOCK} first. A guard left by a breaker that died
 * mid-break is itself broken by the same rules. A lock file that cannot be read (a torn write) counts as held until
 * its modification time plus the expiry. {@link #close()} deletes the file only while it is still ours.
 */
public final class RetrainLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainLock.class);

    /** The command line's exit code for {@link RegistryLockedException}: another retrain of the name is running. */
    public static final int EXIT_CODE_LOCKED = 3;
    /** The lock's file name inside {@code <registry>/<name>/}. */
    public static final String FILE_NAME = "LOCK";
    /** Attempts to create the lock; more than one only when an expired lock is taken over. */
    private static final int ATTEMPTS = 3;

    private final FileSystem fs;
    /** Reads the lock, skipping the local file system's checksum so a hand-edited lock is still read. */
    private final FileSystem reader;
    private final Path file;
    private final LockHolder holder;
    private final Clock clock;
    private boolean released;

    private RetrainLock(FileSystem fs, FileSystem reader, Path file, LockHolder holder, Clock clock) {
        this.fs = fs;
        this.reader = reader;
        this.file = file;
        this.holder = holder;
        this.clock = clock;
    }

    /** {@link #acquire(ModelRegistry, Duration, Clock)} with the system clock. */
    public static RetrainLock acquire(ModelRegistry registry, Duration expiry) {
        return acquire(registry, expiry, Clock.systemUTC());
    }

    /**
     * Takes the registry name's lock, or takes over an expired one.
     *
     * @param expiry how long the lock holds without its owner; longer than any retrain should take
     * @throws RegistryLockedException when another run holds an unexpired lock
     */
    public static RetrainLock acquire(ModelRegistry registry, Duration expiry, Clock clock) {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("the lock expiry must be positive, got " + expiry
                    + ". Set registry.lockExpiryMinutes to at least 1");
        }
        FileSystem fs = registry.fileSystem();
        FileSystem reader = registry.handEditableFileSystem();
        Path file = new Path(registry.root(), FILE_NAME);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            LockHolder mine = LockHolder.thisProcess(now, now.plus(expiry));
            if (tryCreate(fs, file, mine)) {
                Optional<FoundLock> found = FoundLock.read(reader, file, expiry);
                if (found.isPresent() && found.get().holder().equals(Optional.of(mine))) {
                    LOG.info("Registry lock {} acquired by {} until {}", file, mine.owner(), mine.expiresAt());
                    return new RetrainLock(fs, reader, file, mine, clock);
                }
                // Another run replaced our file between the create and the read: the lock is theirs.
                throw found.map(f -> f.lockedException(file))
                        .orElseGet(() -> new RegistryLockedException(file.toString(), "unknown", now.plus(expiry)));
            }
            Optional<FoundLock> found = FoundLock.read(reader, file, expiry);
            if (found.isEmpty()) {
                continue; // released between our create and our read: try again
            }
            FoundLock held = found.get();
            if (!held.broken(now) || attempt == ATTEMPTS) {
                throw held.lockedException(file);
            }
            LOG.warn("Registry lock {} {}; taking it over from {}", file, held.whyBroken(now), held.owner());
            held.breakIfUnchanged(fs, reader, file, expiry, mine, now);
        }
        throw new IllegalStateException("could not acquire the registry lock " + file + " in " + ATTEMPTS
                + " attempts: it kept appearing and disappearing. Check that no other retrain of this name is"
                + " running, then run again");
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** This run's owner string, as written in the lock. */
    public String owner() {
        return holder.owner();
    }

    public Instant expiresAt() {
        return holder.expiry();
    }

    /**
     * Checks, before a step that must not run twice (such as a promotion), that the lock is still this run's and
     * unexpired.
     *
     * @throws IllegalStateException when it was released, expired or taken over
     */
    public void requireHeld() {
        if (released) {
            throw new IllegalStateException("the registry lock " + file + " was already released. Acquire it"
                    + " again before changing the registry");
        }
        Optional<FoundLock> found = FoundLock.read(reader, file, Duration.ZERO);
        if (found.isEmpty() || !found.get().holder().equals(Optional.of(holder))) {
            throw new IllegalStateException("this run no longer holds the registry lock " + file + " (now: "
                    + found.map(FoundLock::owner).orElse("no lock") + "); another run took it over. The registry"
                    + " was not changed by this step; raise registry.lockExpiryMinutes above the retrain's duration");
        }
        if (!clock.instant().isBefore(holder.expiry())) {
            throw new IllegalStateException("the registry lock " + file + " expired at " + holder.expiresAt()
                    + ", so another run may take it over. Raise registry.lockExpiryMinutes above the retrain's"
                    + " duration and run again");
        }
    }

    /** Deletes the lock if it is still this run's; a lock another run took over is left alone. Never throws. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            Optional<FoundLock> found = FoundLock.read(reader, file, Duration.ZERO);
            if (found.isPresent() && found.get().holder().equals(Optional.of(holder))) {
                fs.delete(file, false);
                LOG.info("Registry lock {} released by {}", file, holder.owner());
            } else {
                LOG.warn("Registry lock {} is no longer ours ({}), so it is left in place", file,
                        found.map(FoundLock::owner).orElse("no lock"));
            }
        } catch (IOException | UncheckedIOException e) {
            // Closing must not hide the run's own error; the lock expires on its own.
            LOG.warn("Could not release the registry lock {} (it expires at {}): {}", file, holder.expiresAt(),
                    e.getMessage());
        }
    }

    /** The guard a run creates while it breaks the lock file {@code lock} holding {@code text}. */
    static Path guardFile(Path lock, String text) {
        return new Path(lock.getParent(), FILE_NAME + ".break-" + Integer.toHexString(text.hashCode()));
    }

    /** Creates the lock file unless it exists; false when it does. */
    private static boolean tryCreate(FileSystem fs, Path file, LockHolder holder) {
        try (OutputStream out = fs.create(file, false)) {
            out.write(holder.toJson().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            // FileAlreadyExistsException, or on HDFS another client still creating it: both mean "taken".
            if (exists(fs, file)) {
                return false;
            }
            throw new UncheckedIOException("cannot create the registry lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(FileSystem fs, Path file) {
        try {
            return fs.exists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the registry lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A lock file as found: its raw text and, when it parses, its holder. An unreadable lock expires {@code expiry}
     * after its modification time.
     */
    private record FoundLock(String text, Optional<LockHolder> holder, Instant expiresAt) {

        static Optional<FoundLock> read(FileSystem fs, Path file, Duration expiry) {
            try {
                long modified = fs.getFileStatus(file).getModificationTime();
                String text;
                try (InputStream in = fs.open(file)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Optional<LockHolder> holder = LockHolder.parse(text);
                Instant expiresAt = holder.map(LockHolder::expiry)
                        .orElse(Instant.ofEpochMilli(modified).plus(expiry));
                return Optional.of(new FoundLock(text, holder, expiresAt));
            } catch (FileNotFoundException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the registry lock " + file + ": " + e.getMessage(), e);
            }
        }

        String owner() {
            return holder.map(LockHolder::owner).orElse("unknown (the lock file is not valid JSON)");
        }

        RegistryLockedException lockedException(Path file) {
            return new RegistryLockedException(file.toString(), owner(), expiresAt);
        }

        /** Whether its holder is known to be gone: dead on this host, or past its expiry. */
        boolean broken(Instant now) {
            return !now.isBefore(expiresAt) || holder.map(LockHolder::deadOnThisHost).orElse(false);
        }

        String whyBroken(Instant now) {
            return now.isBefore(expiresAt) ? "names a process on this host that no longer runs"
                    : "expired at " + expiresAt;
        }

        /**
         * Deletes the lock if it still holds this text, guarded so that only one run breaks it (see the class
         * comment). The guard's name comes from the text, so each dead lock has its own; a guard is a lock file
         * itself, broken by the same rules when its breaker died.
         */
        void breakIfUnchanged(FileSystem fs, FileSystem reader, Path file, Duration expiry, LockHolder breaker,
                              Instant now) {
            Path guard = guardFile(file, text);
            if (!tryCreate(fs, guard, breaker)) {
                read(reader, guard, expiry).filter(g -> g.broken(now))
                        .ifPresent(g -> g.deleteIfUnchanged(fs, reader, guard, expiry));
                return;
            }
            try {
                deleteIfUnchanged(fs, reader, file, expiry);
            } finally {
                delete(fs, guard);
            }
        }

        /** Deletes the file if it still holds this text, i.e. nobody replaced it since it was read. */
        private void deleteIfUnchanged(FileSystem fs, FileSystem reader, Path file, Duration expiry) {
            Optional<FoundLock> now = read(reader, file, expiry);
            if (now.isPresent() && now.get().text().equals(text)) {
                delete(fs, file);
            }
        }

        private static void delete(FileSystem fs, Path file) {
            try {
                fs.delete(file, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the registry lock file " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
