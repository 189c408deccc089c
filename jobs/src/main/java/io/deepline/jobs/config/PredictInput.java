package io.deepline.jobs.config;

import java.util.Map;

/**
 * {@code predict.input:} the rows to score, read through a Spark data source from any Hadoop path.
 *
 * @param path    file, directory or glob; required
 * @param format  the Spark data source; {@code csv} when absent
 * @param options options for the data source, e.g. {@code header: "true"}
 */
public record PredictInput(String path, DataFormat format, Map<String, String> options) {

    public PredictInput {
        path = Checks.requiredText("path", path, "path: data-samples/digits8x8.csv.gz");
        format = format == null ? DataFormat.CSV : format;
        options = Checks.stringMap("options", options);
    }
}
