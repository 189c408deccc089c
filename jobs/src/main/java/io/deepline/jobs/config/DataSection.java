package io.deepline.jobs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data:} section: where the examples are and which columns to use. A job reads one kind of input: feature
 * columns ({@code features}, or every column but the label), a text column ({@code text}, tokenised into word ids
 * by the job) or a sequence column ({@code sequence}, used as it is).
 *
 * @param path     any Hadoop path or glob ({@code hdfs://...}, {@code file:/...}, or relative to the current
 *                 directory)
 * @param format   the Spark data source; {@code csv} when absent
 * @param options  options for the data source, e.g. {@code header: "true"} for CSV
 * @param label    the label column: class indices 0..K-1, or strings (indexed alphabetically); null when absent,
 *                 which only unsupervised model types accept
 * @param features feature columns; empty means every column except the label (unless text or sequence is given)
 * @param text     a string column to tokenise into word ids for a sequence model; null when absent
 * @param sequence an array column a sequence model reads as it is ({@code array<array<double>>},
 *                 {@code array<int>} token ids or {@code array<double>}); null when absent
 */
public record DataSection(String path, DataFormat format, Map<String, String> options, String label,
                          List<String> features, String text, String sequence) {

    public DataSection {
        path = Checks.requiredText("path", path, "path: data-samples/iris.csv");
        format = format == null ? DataFormat.CSV : format;
        options = Checks.stringMap("options", options);
        // Required by supervised model types only; TrainJob checks it once the model type is known.
        label = Checks.optionalText("label", label, "label: label");
        features = Checks.distinctNames("features", features, "features: [p0, p1]");
        text = Checks.optionalText("text", text, "text: body");
        sequence = Checks.optionalText("sequence", sequence, "sequence: readings");
        if (label != null && features.contains(label)) {
            throw new JobConfigException("features", "lists the label column '" + label + "'",
                    "Remove '" + label + "' from the features; a model must not see its label");
        }
        requireOneInput(features, text, sequence);
        for (String key : List.of("text", "sequence")) {
            if (label != null && label.equals(key.equals("text") ? text : sequence)) {
                throw new JobConfigException(key, "names the label column '" + label + "'",
                        "Point data." + key + " at the input column; a model must not see its label");
            }
        }
    }

    /** Whether the job file lists the feature columns, rather than taking every column but the label. */
    public boolean hasExplicitFeatures() {
        return !features.isEmpty();
    }

    /** What the model reads: feature columns, a text column or a sequence column. */
    public InputKind inputKind() {
        return text != null ? InputKind.TEXT : sequence != null ? InputKind.SEQUENCE : InputKind.FEATURES;
    }

    /** Features, text and sequence exclude each other: one model reads one input. */
    private static void requireOneInput(List<String> features, String text, String sequence) {
        List<String> given = new ArrayList<>();
        if (!features.isEmpty()) {
            given.add("features");
        }
        if (text != null) {
            given.add("text");
        }
        if (sequence != null) {
            given.add("sequence");
        }
        if (given.size() > 1) {
            throw new JobConfigException(given.get(1), "is given together with data." + given.get(0)
                    + ", but a job reads one input: feature columns, a text column or a sequence column",
                    "Keep only one of data.features, data.text and data.sequence");
        }
    }
}
