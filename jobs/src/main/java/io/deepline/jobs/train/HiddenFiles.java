package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Refuses a data path that leaves Spark no file to read. Spark's file index skips names starting with {@code _} or
 * {@code .} (Hadoop's marker and checksum files) even when the path names such a file itself, and then fails with
 * "Unable to infer schema", which never says that the file was skipped or why.
 */
final class HiddenFiles {

    /** How many skipped names a message lists. */
    private static final int NAMED = 3;

    private HiddenFiles() {
    }

    /** The rule of Spark's {@code InMemoryFileIndex}: a {@code _} name with an {@code =} is a partition folder. */
    static boolean isHidden(String name) {
        return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".") || name.endsWith("._COPYING_");
    }

    /**
     * Checks that {@code matches} (what {@code location} matched) hold at least one file Spark reads. Stops at the
     * first such file, so a large folder costs one listing.
     *
     * @throws JobConfigException naming {@code keyPath} if every file is hidden, or there is no file at all
     */
    static void requireVisible(FileSystem fs, FileStatus[] matches, String location, String keyPath)
            throws IOException {
        List<String> hidden = new ArrayList<>();
        for (FileStatus match : matches) {
            if (hasVisibleFile(fs, match, hidden)) {
                return;
            }
        }
        if (hidden.isEmpty()) {
            throw new JobConfigException(keyPath, "'" + location + "' has no files (an empty folder)",
                    "Point " + keyPath + " at the data file, or at a folder holding it");
        }
        String names = String.join(", ", hidden.subList(0, Math.min(NAMED, hidden.size())))
                + (hidden.size() > NAMED ? " and " + (hidden.size() - NAMED) + " more" : "");
        throw new JobConfigException(keyPath, "'" + location + "' matches only hidden files (" + names + "): Spark"
                + " and Hadoop skip files whose names start with '_' or '.'", "Rename the file (e.g. '"
                + visibleName(hidden.get(0)) + "')");
    }

    /** Whether {@code status} is, or (a folder) holds, a file Spark reads; collects the hidden names it passes. */
    private static boolean hasVisibleFile(FileSystem fs, FileStatus status, List<String> hidden) throws IOException {
        String name = status.getPath().getName();
        if (!status.isDirectory()) {
            if (isHidden(name)) {
                hidden.add(name);
                return false;
            }
            return true;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            boolean skippedFolder = child.isDirectory() && isHidden(child.getPath().getName());
            if (!skippedFolder && hasVisibleFile(fs, child, hidden)) {
                return true;
            }
        }
        return false;
    }

    private static String visibleName(String hiddenName) {
        String name = hiddenName.replaceFirst("^[_.]+", "");
        return name.isEmpty() ? "data" : name;
    }
}
