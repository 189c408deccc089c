package io.deepline.jobs.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes an output so that its path holds either the previous output or the complete new one, never a partial one
 * and never nothing because a write failed. The new output goes into a hidden sibling
 * ({@code .<name>._tmp-<id>}, in the same directory so every rename stays within one file system); only when it is
 * complete is the previous one renamed aside ({@code .<name>._old-<id>}), the new one renamed in, and the previous
 * one deleted. Any failure before that leaves the previous output as it was; a failed rename puts it back. Works on
 * any Hadoop {@code FileSystem}.
 */
public final class SiblingSwap {

    /** Writes the complete new output at the temporary path it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(String temporaryPath) throws IOException;
    }

    private SiblingSwap() {
    }

    /**
     * Writes with {@code writer}, runs {@code beforeSwap} (a last check of what is at {@code location} now, which may
     * throw to keep it), then swaps the new output in.
     *
     * @return the qualified path of the output
     */
    public static String replace(String location, Configuration hadoopConf, Writer writer, Runnable beforeSwap) {
        Path target = new Path(location);
        Path parent = target.getParent() == null ? new Path(".") : target.getParent();
        String id = UUID.randomUUID().toString();
        Path temporary = new Path(parent, "." + target.getName() + "._tmp-" + id);
        Path previous = new Path(parent, "." + target.getName() + "._old-" + id);
        try {
            FileSystem fs = target.getFileSystem(hadoopConf);
            try {
                writer.writeTo(temporary.toString());
                beforeSwap.run();
                swap(fs, temporary, target, previous);
                return fs.makeQualified(target).toString();
            } finally {
                if (fs.exists(temporary)) {
                    fs.delete(temporary, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + location + ": " + e.getMessage(), e);
        }
    }

    private static void swap(FileSystem fs, Path temporary, Path target, Path previous) throws IOException {
        boolean replacing = fs.exists(target);
        if (replacing && !fs.rename(target, previous)) {
            throw new IOException("moving the previous " + target + " aside to " + previous + " failed");
        }
        if (!fs.rename(temporary, target)) {
            if (replacing && !fs.rename(previous, target)) {
                throw new IOException("renaming " + temporary + " to " + target + " failed, and so did putting the"
                        + " previous output back: it is at " + previous);
            }
            throw new IOException("renaming " + temporary + " to " + target + " failed");
        }
        if (replacing) {
            fs.delete(previous, true);
        }
    }
}
