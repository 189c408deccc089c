package io.deepline.jobs.predict;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PredictOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a DataFrame so that its destination either does not exist or holds the complete output: Spark writes into
 * a hidden temporary sibling ({@code .<name>._tmp-<uuid>}, in the same directory so the rename stays within one
 * file system), and only a complete write is renamed into place. A failed or killed job leaves at most the hidden
 * temporary directory, never a partial output under the real name.
 */
public final class AtomicOutput {
    private final PredictOutput output;
    private final Configuration hadoopConf;

    public AtomicOutput(PredictOutput output, Configuration hadoopConf) {
        this.output = output;
        this.hadoopConf = hadoopConf;
    }

    /** Fails before any work if the output exists and the mode does not allow replacing it. */
    public void requireWritable() {
        if (!output.overwrite() && exists()) {
            throw new JobConfigException("predict.output.path", "'" + output.path() + "' already exists",
                    "Remove it, choose another path, or set predict.output.mode: overwrite");
        }
    }

    /** Writes {@code rows}, then renames them into place; returns the output's qualified path. */
    public String write(Dataset<Row> rows) {
        Path target = new Path(output.path());
        Path temporary = new Path(target.getParent() == null ? new Path(".") : target.getParent(),
                "." + target.getName() + "._tmp-" + UUID.randomUUID());
        try {
            FileSystem fs = target.getFileSystem(hadoopConf);
            try {
                rows.write().format(output.format()).save(temporary.toString());
                if (fs.exists(target)) {
                    requireWritable(); // another job may have written it meanwhile
                    fs.delete(target, true);
                }
                if (!fs.rename(temporary, target)) {
                    throw new IOException("renaming " + temporary + " to " + target + " failed");
                }
                return fs.makeQualified(target).toString();
            } finally {
                if (fs.exists(temporary)) {
                    fs.delete(temporary, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the predictions to " + output.path() + ": " + e.getMessage(),
                    e);
        }
    }

    private boolean exists() {
        try {
            Path target = new Path(output.path());
            return target.getFileSystem(hadoopConf).exists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + output.path() + ": " + e.getMessage(), e);
        }
    }
}
