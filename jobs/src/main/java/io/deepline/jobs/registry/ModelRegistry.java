package io.deepline.jobs.registry;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's versions and champion in a registry, {@code <registry>/<name>/}, on any Hadoop FileSystem (see the
 * package documentation for the layout). Reading is safe at any time; the methods that change the registry
 * ({@link #newVersion()}, {@link #promote(int)}, {@link #prune(int)}, {@link #removeIncomplete()}) are meant to run
 * under the name's {@link RetrainLock}.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    /** The champion pointer's file name. */
    public static final String CHAMPION = "CHAMPION";
    /** Prefix of the pointer's temporary sibling; a stale one (a crash between write and rename) is ignored. */
    static final String CHAMPION_TEMP_PREFIX = CHAMPION + ".tmp-";
    private static final String VERSIONS = "versions";
    /** Version directories are positive numbers without leading zeros; anything else under versions/ is ignored. */
    private static final Pattern VERSION_DIR = Pattern.compile("[1-9][0-9]{0,8}");

    private final Configuration conf;
    private final FileSystem fs;
    /**
     * Reads the files people may edit by hand (CHAMPION, LOCK). On the local file system it skips the checksum:
     * an edit such as {@code echo 2 > CHAMPION}, which the error messages suggest, leaves the hidden .crc stale.
     */
    private final FileSystem handEditable;
    private final Path root;
    private final RegistryName name;

    private ModelRegistry(Configuration conf, FileSystem fs, Path root, RegistryName name) {
        this.conf = conf;
        this.fs = fs;
        this.handEditable = fs instanceof ChecksumFileSystem local ? local.getRawFileSystem() : fs;
        this.root = root;
        this.name = name;
    }

    /**
     * Opens {@code <registryPath>/<name>}; nothing is created until a version is staged.
     *
     * @param registryPath any Hadoop path; a relative one is resolved against the current directory
     */
    public static ModelRegistry open(String registryPath, RegistryName name, Configuration conf) {
        Path registry = new Path(registryPath);
        try {
            FileSystem fs = registry.getFileSystem(conf);
            return new ModelRegistry(conf, fs, fs.makeQualified(new Path(registry, name.value())), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the model registry " + registryPath + ": " + e.getMessage(),
                    e);
        }
    }

    public RegistryName name() {
        return name;
    }

    /** {@code <registry>/<name>}, qualified. */
    public Path root() {
        return root;
    }

    Configuration conf() {
        return conf;
    }

    FileSystem fileSystem() {
        return fs;
    }

    /** The file system for reading files people may edit by hand (skips the local file system's checksums). */
    FileSystem handEditableFileSystem() {
        return handEditable;
    }

    public Path championFile() {
        return new Path(root, CHAMPION);
    }

    public Path versionDir(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("version numbers start at 1, got " + version);
        }
        return new Path(new Path(root, VERSIONS), Integer.toString(version));
    }

    public Path modelPath(int version) {
        return new Path(versionDir(version), VersionFiles.MODEL);
    }

    public Path metricsPath(int version) {
        return new Path(versionDir(version), VersionFiles.METRICS);
    }

    public Path decisionPath(int version) {
        return new Path(versionDir(version), VersionFiles.DECISION);
    }

    /** Reads a text file of a version, e.g. the champion's {@code metrics.json}. */
    public String readText(int version, String fileName) {
        return read(new Path(versionDir(version), fileName));
    }

    /** The visible versions (those with {@code _SUCCESS}), oldest first. */
    public List<Integer> versions() {
        List<Integer> visible = new ArrayList<>();
        for (int n : versionDirs()) {
            if (isVisible(n)) {
                visible.add(n);
            }
        }
        return visible;
    }

    /** Whether version {@code n} exists and is complete. */
    public boolean isVisible(int version) {
        Path success = new Path(versionDir(version), VersionFiles.SUCCESS);
        try {
            return fs.exists(success);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + success + ": " + e.getMessage(), e);
        }
    }

    /**
     * The champion's version, or empty when no version was ever promoted (no {@code CHAMPION} file).
     *
     * @throws IllegalStateException when {@code CHAMPION} holds no version number or names a version that is not
     *                               visible; the message names the file and how to repair it
     */
    public OptionalInt champion() {
        Path file = championFile();
        String text;
        try (InputStream in = handEditable.open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (FileNotFoundException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String repair = "Write the number of a complete version (one of " + versions() + ") into " + file
                + ", or delete it so that the next retrain promotes its model";
        if (!VERSION_DIR.matcher(text).matches()) {
            throw new IllegalStateException(file + " should hold the champion's version number, but holds '"
                    + abbreviate(text) + "'. " + repair);
        }
        int version = Integer.parseInt(text);
        if (!isVisible(version)) {
            throw new IllegalStateException(file + " names version " + version + ", but " + versionDir(version)
                    + " is missing or incomplete (no " + VersionFiles.SUCCESS + "). " + repair);
        }
        return OptionalInt.of(version);
    }

    /**
     * Stages version max + 1, where max is the highest numbered directory, visible or not, so a number is never
     * reused while its directory exists. Call under the lock.
     */
    public StagedVersion newVersion() {
        List<Integer> dirs = versionDirs();
        int next = dirs.isEmpty() ? 1 : dirs.get(dirs.size() - 1) + 1;
        Path dir = versionDir(next);
        try {
            if (!fs.mkdirs(dir)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the version directory " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("Registry {}: staging version {} at {}", name, next, dir);
        return new StagedVersion(fs, next, dir);
    }

    /**
     * Makes {@code version} the champion: the number goes to a temporary sibling of {@code CHAMPION}, which is then
     * renamed over it, so a reader sees the old champion or the new one, never an empty or partial file.
     *
     * @throws IllegalArgumentException when the version is not visible
     */
    public void promote(int version) {
        if (!isVisible(version)) {
            throw new IllegalArgumentException("cannot promote version " + version + ": " + versionDir(version)
                    + " is missing or not committed. Promote a version after StagedVersion.commit()");
        }
        Path target = championFile();
        Path temp = new Path(root, CHAMPION_TEMP_PREFIX + UUID.randomUUID());
        try {
            try (OutputStream out = fs.create(temp, false)) {
                out.write((version + "\n").getBytes(StandardCharsets.UTF_8));
            }
            // FileSystem.rename does not replace an existing file on HDFS; FileContext's OVERWRITE does, atomically.
            FileContext.getFileContext(fs.getUri(), conf).rename(temp, target, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot point " + target + " at version " + version + ": "
                    + e.getMessage() + ". The champion is unchanged", e);
        }
        LOG.info("Registry {}: version {} is the champion", name, version);
    }

    /**
     * Deletes the oldest visible versions beyond the newest {@code keep}, never the champion. Each version loses its
     * {@code _SUCCESS} first, so a crash part-way leaves an invisible version, not a visible broken one.
     *
     * @return the deleted versions, oldest first
     */
    public List<Integer> prune(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep
                    + ". Set registry.keep to how many versions to keep, e.g. 5");
        }
        List<Integer> visible = versions();
        OptionalInt champion = champion();
        List<Integer> deleted = new ArrayList<>();
        for (int n : visible.subList(0, Math.max(0, visible.size() - keep))) {
            if (champion.isPresent() && champion.getAsInt() == n) {
                continue;
            }
            delete(n);
            deleted.add(n);
        }
        if (!deleted.isEmpty()) {
            LOG.info("Registry {}: pruned versions {} (keep {}, champion {})", name, deleted, keep,
                    champion.isPresent() ? champion.getAsInt() : "none");
        }
        return deleted;
    }

    /**
     * Deletes what crashed runs left: version directories without {@code _SUCCESS} and stale temporary
     * {@code CHAMPION} files. Only under the lock: another run's staged version looks exactly like a crashed one.
     *
     * @return the deleted (incomplete) versions
     */
    public List<Integer> removeIncomplete() {
        List<Integer> removed = new ArrayList<>();
        for (int n : versionDirs()) {
            if (!isVisible(n)) {
                Path dir = versionDir(n);
                try {
                    fs.delete(dir, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the incomplete version " + dir + ": "
                            + e.getMessage(), e);
                }
                LOG.warn("Registry {}: deleted the incomplete version {} (no {}), left by a failed run", name, dir,
                        VersionFiles.SUCCESS);
                removed.add(n);
            }
        }
        for (FileStatus stale : list(root)) {
            if (stale.getPath().getName().startsWith(CHAMPION_TEMP_PREFIX)
                    || stale.getPath().getName().startsWith(RegistryPage.TEMP_PREFIX)) {
                deleteQuietly(stale.getPath());
                LOG.warn("Registry {}: deleted {}, left by a failed promotion or page write", name, stale.getPath());
            }
        }
        return removed;
    }

    /** Every numbered version directory, complete or not, ascending. */
    private List<Integer> versionDirs() {
        List<Integer> numbers = new ArrayList<>();
        for (FileStatus status : list(new Path(root, VERSIONS))) {
            String dirName = status.getPath().getName();
            if (status.isDirectory() && VERSION_DIR.matcher(dirName).matches()) {
                numbers.add(Integer.parseInt(dirName));
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private void delete(int version) {
        Path dir = versionDir(version);
        try {
            fs.delete(new Path(dir, VersionFiles.SUCCESS), false);
            fs.delete(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete version " + dir + ": " + e.getMessage(), e);
        }
    }

    private FileStatus[] list(Path dir) {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private String read(Path file) {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void deleteQuietly(Path path) {
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return "ModelRegistry(" + root + ")";
    }
}
