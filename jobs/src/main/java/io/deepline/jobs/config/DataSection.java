package io.deepline.jobs.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code data:} section: where the examples are and which columns to use.
 *
 * @param path     any Hadoop path or glob ({@code hdfs://...}, {@code file:/...}, or relative to the current
 *                 directory)
 * @param format   the Spark data source; {@code csv} when absent
 * @param options  options for the data source, e.g. {@code header: "true"} for CSV
 * @param label    the label column: class indices 0..K-1, or strings (indexed alphabetically)
 * @param features feature columns; empty means every column except the label
 */
public record DataSection(String path, DataFormat format, Map<String, String> options, String label,
                          List<String> features) {

    public DataSection {
        path = Checks.requiredText("path", path, "path: data-samples/iris.csv");
        format = format == null ? DataFormat.CSV : format;
        options = Checks.stringMap("options", options);
        label = Checks.requiredText("label", label, "label: label");
        features = Checks.distinctNames("features", features, "features: [p0, p1]");
        if (features.contains(label)) {
            throw new JobConfigException("features", "lists the label column '" + label + "'",
                    "Remove '" + label + "' from the features; a model must not see its label");
        }
    }

    /** Whether the job file lists the feature columns, rather than taking every column but the label. */
    public boolean hasExplicitFeatures() {
        return !features.isEmpty();
    }
}
