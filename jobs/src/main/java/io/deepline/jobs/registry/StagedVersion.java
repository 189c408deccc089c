package io.deepline.jobs.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new version being written: its directory exists but it stays invisible until {@link #commit()} writes
 * {@code _SUCCESS}, after every other file. Readers never see a half-written version; a crash leaves one that the
 * next run removes ({@link ModelRegistry#removeIncomplete()}).
 */
public final class StagedVersion {
    private static final Logger LOG = LoggerFactory.getLogger(StagedVersion.class);

    private final FileSystem fs;
    private final int number;
    private final Path dir;
    private boolean committed;
    private boolean discarded;

    StagedVersion(FileSystem fs, int number, Path dir) {
        this.fs = fs;
        this.number = number;
        this.dir = dir;
    }

    public int number() {
        return number;
    }

    public Path dir() {
        return dir;
    }

    /** Where the PipelineModel is saved ({@code model/}). */
    public Path modelPath() {
        return new Path(dir, VersionFiles.MODEL);
    }

    public Path metricsPath() {
        return new Path(dir, VersionFiles.METRICS);
    }

    public Path jobPath() {
        return new Path(dir, VersionFiles.JOB);
    }

    public Path decisionPath() {
        return new Path(dir, VersionFiles.DECISION);
    }

    public boolean committed() {
        return committed;
    }

    /**
     * Writes (replaces) a UTF-8 text file directly inside the version directory, e.g. {@code metrics.json}.
     *
     * @throws IllegalArgumentException for a name with a '/' or {@code _SUCCESS}, which only {@link #commit()} writes
     */
    public void writeText(String fileName, String text) {
        if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.equals(".")
                || fileName.equals("..")) {
            throw new IllegalArgumentException("file name '" + fileName + "' is not a plain file name inside "
                    + dir + ". Pass a name such as " + VersionFiles.METRICS);
        }
        if (fileName.equals(VersionFiles.SUCCESS)) {
            throw new IllegalArgumentException(VersionFiles.SUCCESS + " marks a complete version and is written"
                    + " only by commit(). Write the other files, then call commit()");
        }
        requireOpen("write " + fileName);
        Path file = new Path(dir, fileName);
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the version visible by writing {@code _SUCCESS}, after checking that the model, metrics, job and
     * decision are all there.
     *
     * @throws IllegalStateException naming the missing files, or when already committed
     */
    public void commit() {
        requireOpen("commit");
        Path success = new Path(dir, VersionFiles.SUCCESS);
        try {
            List<String> missing = new ArrayList<>();
            for (String name : VersionFiles.REQUIRED) {
                if (!fs.exists(new Path(dir, name))) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("version " + number + " at " + dir + " cannot be committed: "
                        + missing + " missing. Write every one of " + VersionFiles.REQUIRED + " before commit()");
            }
            // overwrite=false: a second writer of the same number must fail rather than share the version.
            fs.create(success, false).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + success + ": " + e.getMessage(), e);
        }
        committed = true;
        LOG.info("Registry version {} committed at {}", number, dir);
    }

    /** Deletes the directory of a version that was not committed (after a failure); a no-op once committed. */
    public void discard() {
        if (committed || discarded) {
            return;
        }
        discarded = true;
        try {
            fs.delete(dir, true);
            LOG.info("Registry version {} discarded: deleted {}", number, dir);
        } catch (IOException e) {
            // Still invisible without _SUCCESS; the next run's removeIncomplete() deletes it.
            LOG.warn("Could not delete the uncommitted version {}: {}", dir, e.getMessage());
        }
    }

    private void requireOpen(String action) {
        if (discarded) {
            throw new IllegalStateException("cannot " + action + ": version " + number + " at " + dir
                    + " was discarded. Stage a new version with ModelRegistry.newVersion()");
        }
        if (committed) {
            throw new IllegalStateException("cannot " + action + ": version " + number + " at " + dir
                    + " is already committed. Stage a new version with ModelRegistry.newVersion()");
        }
    }
}
