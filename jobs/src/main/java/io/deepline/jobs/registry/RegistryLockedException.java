package io.deepline.jobs.registry;

import java.time.Instant;

/**
 * Another retrain of the same name holds the registry's lock. The command line reports it without a stack trace
 * and exits with {@link RetrainLock#EXIT_CODE_LOCKED}, so a scheduler can tell "try later" from a failure.
 */
public final class RegistryLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String lockFile;
    private final String owner;
    private final Instant expiresAt;

    /**
     * @param owner     the holder, as written in the lock; "unknown" when the file cannot be read
     * @param expiresAt when another run may take the lock over
     */
    public RegistryLockedException(String lockFile, String owner, Instant expiresAt) {
        super("Another retrain holds the registry lock " + lockFile + ": owner " + owner + ", expires "
                + expiresAt + ". Wait for that run to finish (or for the lock to expire), or, if that process is"
                + " dead, delete " + lockFile + " and run again");
        this.lockFile = lockFile;
        this.owner = owner;
        this.expiresAt = expiresAt;
    }

    public String lockFile() {
        return lockFile;
    }

    public String owner() {
        return owner;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
