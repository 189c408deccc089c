package io.deepline.jobs.config;

/**
 * {@code predict.output:} where the scored rows go. They are written to a temporary sibling directory first and
 * renamed into place only when complete, so a reader never sees partial output.
 *
 * @param path   the output directory, any Hadoop path; required
 * @param format a Spark data source that can hold vectors: {@code parquet} (default) or {@code json}
 * @param mode   {@code errorifexists} (default: an existing output stops the job before any work) or
 *               {@code overwrite} (the old output is replaced only once the new one is complete)
 */
public record PredictOutput(String path, String format, String mode) {

    public PredictOutput {
        path = Checks.requiredText("path", path, "path: target/predictions/digits");
        format = Checks.choice("format", format, "parquet", "parquet", "json");
        mode = Checks.outputMode(mode);
    }

    /** Whether an existing output may be replaced. */
    public boolean overwrite() {
        return mode.equals("overwrite");
    }
}
