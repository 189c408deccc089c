package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.io.HadoopFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of one fit in a directory on any Hadoop file system, one file per checkpoint named by its epoch
 * ({@code epoch-00004.ckpt}).
 *
 * <p>A checkpoint is written to a hidden temporary sibling ({@code .epoch-00004.ckpt.tmp-<uuid>}) and renamed into
 * place only when complete, so a fit killed while writing leaves the previous checkpoint intact; then the other
 * checkpoint files are deleted. Naming files by epoch means a rename never has to replace a file (HDFS refuses
 * that), and should a fit die between the rename and the clean-up, the highest epoch is the latest.
 */
public final class CheckpointStore {
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{1,9})\\.ckpt");

    private final HadoopFiles files;
    private final String dir;

    public CheckpointStore(HadoopFiles files, String dir) {
        this.files = files;
        this.dir = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    }

    /** The path of the latest checkpoint, if the directory holds any. */
    public Optional<String> latestPath() {
        return checkpointNames().stream().max(Comparator.comparingInt(CheckpointStore::epochOf))
                .map(name -> dir + "/" + name);
    }

    /**
     * Reads the checkpoint at {@code path}.
     *
     * @throws IllegalStateException naming the path, for a truncated, damaged or unreadable file
     */
    public TrainingCheckpoint read(String path) {
        try (InputStream in = files.open(path)) {
            return CheckpointCodec.decode(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the training checkpoint " + path + " is incomplete or corrupt ("
                    + e.getMessage() + "); delete it to resume from scratch, or set checkpointMode=overwrite", e);
        }
    }

    /** Writes {@code checkpoint} atomically, then deletes every other checkpoint file; returns its path. */
    public String write(TrainingCheckpoint checkpoint) {
        String name = fileName(checkpoint.epoch());
        String path = dir + "/" + name;
        String temporary = dir + "/." + name + ".tmp-" + UUID.randomUUID();
        try {
            try (OutputStream out = files.create(temporary)) {
                CheckpointCodec.encode(checkpoint, out);
            }
            files.renameReplacing(temporary, path);
        } catch (IOException | UncheckedIOException e) {
            files.deleteFile(temporary);
            throw new IllegalStateException("cannot write the training checkpoint " + path + ": " + e.getMessage()
                    + "; check that checkpointDir is writable", e);
        }
        for (String other : checkpointNames()) {
            if (!other.equals(name)) {
                files.deleteFile(dir + "/" + other);
            }
        }
        return path;
    }

    public String dir() {
        return dir;
    }

    static String fileName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%05d.ckpt", epoch);
    }

    private List<String> checkpointNames() {
        return files.listNames(dir).stream().filter(n -> NAME.matcher(n).matches()).toList();
    }

    private static int epochOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " is not a checkpoint file name");
        }
        return Integer.parseInt(m.group(1));
    }
}
