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
 * @param categorical feature columns of categories (strings, or numbers used as codes), one-hot encoded; empty when
 *                 absent. They are features: every column but the label includes them, and an explicit
 *                 {@code features} list must list them too (it stays the one list of what the model sees)
 * @param dropNulls whether rows with a null in a column the job uses are dropped (and counted) rather than refused;
 *                 false when absent
 * @param weight   a numeric column of row weights (>= 0): each row counts in the training loss by its weight, through
 *                 the model's {@code weightCol}; never a feature. Null when absent
 * @param classWeights {@code balanced}: weigh each training row of class c by n / (k · n_c), n the training rows,
 *                 k the classes and n_c the rows of class c, all counted on the training split only (as
 *                 scikit-learn's "balanced"), so every class carries the same total weight. Classifiers only; with
 *                 {@code weight}, a row's weight is the product. Null when absent
 */
public record DataSection(String path, DataFormat format, Map<String, String> options, String label,
                          List<String> features, String text, String sequence, List<String> categorical,
                          Boolean dropNulls, String weight, String classWeights) {

    /** The one {@code classWeights} value. */
    public static final String BALANCED = "balanced";

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
        categorical = Checks.distinctNames("categorical", categorical, "categorical: [colour]");
        requireCategoricalFeatures(categorical, label, features, text != null ? "text" : sequence != null
                ? "sequence" : null);
        dropNulls = dropNulls != null && dropNulls;
        weight = Checks.optionalText("weight", weight, "weight: row_weight");
        requireWeightApart(weight, label, features, text, sequence);
        classWeights = Checks.choice("classWeights", classWeights, null, BALANCED);
        if (classWeights != null && label == null) {
            throw new JobConfigException("classWeights", "weighs the classes of the label, but data.label is not set",
                    "Name the label column with data.label, or remove classWeights");
        }
        for (String key : List.of("text", "sequence")) {
            if (label != null && label.equals(key.equals("text") ? text : sequence)) {
                throw new JobConfigException(key, "names the label column '" + label + "'",
                        "Point data." + key + " at the input column; a model must not see its label");
            }
        }
    }

    /** A job file without {@code categorical} and {@code dropNulls}. */
    public DataSection(String path, DataFormat format, Map<String, String> options, String label,
                       List<String> features, String text, String sequence) {
        this(path, format, options, label, features, text, sequence, null, null, null, null);
    }

    /** A job file without {@code weight} and {@code classWeights}. */
    public DataSection(String path, DataFormat format, Map<String, String> options, String label,
                       List<String> features, String text, String sequence, List<String> categorical,
                       Boolean dropNulls) {
        this(path, format, options, label, features, text, sequence, categorical, dropNulls, null, null);
    }

    /** Whether the job file weighs the training rows, by a column, by class, or both. */
    public boolean weighs() {
        return weight != null || classWeights != null;
    }

    /** The weight column only scales the loss; as a label or an input it would be something else. */
    private static void requireWeightApart(String weight, String label, List<String> features, String text,
                                           String sequence) {
        if (weight == null) {
            return;
        }
        String usedBy = weight.equals(label) ? "data.label" : features.contains(weight) ? "data.features"
                : weight.equals(text) ? "data.text" : weight.equals(sequence) ? "data.sequence" : null;
        if (usedBy != null) {
            throw new JobConfigException("weight", "names column '" + weight + "', which " + usedBy + " also uses",
                    "Name a separate numeric column of row weights");
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

    /**
     * Categorical columns are feature columns: not the label, not with a text or sequence input, and listed in
     * {@code features} when that is given. Requiring the listing (rather than adding the column silently) keeps
     * {@code features} the complete list of model inputs, in the order the model sees them.
     */
    private static void requireCategoricalFeatures(List<String> categorical, String label, List<String> features,
                                                   String otherInput) {
        if (categorical.isEmpty()) {
            return;
        }
        if (otherInput != null) {
            throw new JobConfigException("categorical", "one-hot encodes feature columns, but the job reads data."
                    + otherInput, "Remove data.categorical, or use data.features instead of data." + otherInput);
        }
        if (label != null && categorical.contains(label)) {
            throw new JobConfigException("categorical", "lists the label column '" + label + "'",
                    "Remove '" + label + "' from data.categorical; a string label is indexed to classes without it");
        }
        if (!features.isEmpty()) {
            List<String> unlisted = categorical.stream().filter(c -> !features.contains(c)).toList();
            if (!unlisted.isEmpty()) {
                throw new JobConfigException("categorical", "lists " + String.join(", ", unlisted.stream()
                        .map(c -> "'" + c + "'").toList()) + ", not in data.features", "Add "
                        + (unlisted.size() == 1 ? "it" : "them") + " to data.features (which lists every column the"
                        + " model reads), or remove " + (unlisted.size() == 1 ? "it" : "them")
                        + " from data.categorical");
            }
        }
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
