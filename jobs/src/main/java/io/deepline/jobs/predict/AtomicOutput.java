package io.deepline.jobs.predict;

import io.deepline.jobs.config.PredictOutput;
import io.deepline.jobs.output.OutputKind;
import io.deepline.jobs.output.OwnedOutputs;
import io.deepline.jobs.output.SiblingSwap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a DataFrame so that its destination holds either the previous output or the complete new one
 * ({@link SiblingSwap}): a failed or killed job leaves at most a hidden temporary directory, never a partial
 * output under the real name. Only a data set Spark wrote may be replaced, and only in {@code overwrite} mode.
 */
public final class AtomicOutput {
    private final PredictOutput output;
    private final Configuration hadoopConf;

    public AtomicOutput(PredictOutput output, Configuration hadoopConf) {
        this.output = output;
        this.hadoopConf = hadoopConf;
    }

    /** Fails before any work if the output exists and may not be replaced. */
    public void requireWritable() {
        new OwnedOutputs(hadoopConf).require("predict.output.path", output.path(), OutputKind.SPARK_OUTPUT,
                output.overwrite(), "Remove it, choose another path, or set predict.output.mode: overwrite");
    }

    /** Writes {@code rows}, then swaps them into place; returns the output's qualified path. */
    public String write(Dataset<Row> rows) {
        // Checked again before the swap: another job may have written there meanwhile.
        return SiblingSwap.replace(output.path(), hadoopConf,
                temporary -> rows.write().format(output.format()).save(temporary), this::requireWritable);
    }
}
