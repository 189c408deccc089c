package io.deepline.jobs.train;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.Suggestions;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * The label and input columns of the data, checked against the data's schema before any training starts.
 *
 * @param label         the label column, or null when the job names none (unsupervised models only)
 * @param labelIsText   whether the label holds strings, which are indexed to class numbers first
 * @param kind          what the model reads: feature columns, a text column or a sequence column
 * @param features      the feature columns (numeric, boolean or vector), or the one text or sequence column
 * @param singleVector  whether the features are one vector column (libsvm's {@code features}) that the model can
 *                      read as it is, with no assembler
 */
public record InputSchema(String label, boolean labelIsText, InputKind kind, List<String> features,
                          boolean singleVector) {

    public InputSchema {
        features = List.copyOf(features);
        if (kind != InputKind.FEATURES && features.size() != 1) {
            throw new IllegalArgumentException(kind.key() + " is one column, got " + features);
        }
    }

    /** Feature-column input. */
    public InputSchema(String label, boolean labelIsText, List<String> features, boolean singleVector) {
        this(label, labelIsText, InputKind.FEATURES, features, singleVector);
    }

    /** The text or sequence column; only for those kinds. */
    public String inputColumn() {
        if (kind == InputKind.FEATURES) {
            throw new IllegalStateException("the input is feature columns " + features + ", not one text or sequence"
                    + " column");
        }
        return features.get(0);
    }

    /**
     * Resolves the {@code data:} section's columns against {@code schema}.
     *
     * @throws JobConfigException naming {@code data.label} or {@code data.features} for a missing column or one of
     *                            an unusable type; the message lists the available columns
     */
    public static InputSchema resolve(StructType schema, DataSection data) {
        List<String> available = List.of(schema.fieldNames());
        if (data.label() == null) {
            return resolveInputs(schema, data, available, null, false);
        }
        if (!available.contains(data.label())) {
            throw new JobConfigException("data.label", "column '" + data.label() + "' is not in the data",
                    Suggestions.fix(data.label(), available, "Available columns") + headerHint(data, available));
        }
        DataType labelType = schema.apply(data.label()).dataType();
        // Array labels (a tagger's per-step classes, a generator's or Seq2Seq's target sequences) are checked
        // against the model type by TrainJob.requireLabelFits.
        if (!(labelType instanceof NumericType) && !(labelType instanceof StringType) && !isNumericArray(labelType)) {
            throw new JobConfigException("data.label", "column '" + data.label() + "' has type "
                    + labelType.simpleString(), "Use a column of class numbers 0..K-1 or of class names, or an array"
                    + " of numbers (SequenceTagger: a class per step; SequenceGenerator and Seq2Seq: the target"
                    + " sequence)");
        }
        return resolveInputs(schema, data, available, data.label(), labelType instanceof StringType);
    }

    /** The input columns, every column but the label (if any) unless data.features lists them. */
    private static InputSchema resolveInputs(StructType schema, DataSection data, List<String> available,
                                             String label, boolean labelIsText) {
        if (data.inputKind() != InputKind.FEATURES) {
            String column = data.inputKind() == InputKind.TEXT ? data.text() : data.sequence();
            requireSequenceInput(schema, data, column, available);
            return new InputSchema(label, labelIsText, data.inputKind(), List.of(column), false);
        }
        List<String> features = data.hasExplicitFeatures() ? data.features()
                : available.stream().filter(c -> !c.equals(label)).toList();
        List<String> missing = features.stream().filter(f -> !available.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new JobConfigException("data.features", "column(s) " + quoted(missing) + " not in the data",
                    Suggestions.fix(missing.get(0), available, "Available columns") + headerHint(data, available));
        }
        if (features.isEmpty()) {
            throw new JobConfigException("data.features", "the data has no column besides the label '"
                    + label + "'", "Check data.path and data.options");
        }
        for (String f : features) {
            requireUsableFeature(f, schema.apply(f).dataType(), data.hasExplicitFeatures());
        }
        boolean singleVector = features.size() == 1 && isVector(schema.apply(features.get(0)).dataType());
        return new InputSchema(label, labelIsText, features, singleVector);
    }

    /** A text column must hold strings; a sequence column must be an array (the model checks its element type). */
    private static void requireSequenceInput(StructType schema, DataSection data, String column,
                                             List<String> available) {
        String key = data.inputKind().key();
        if (!available.contains(column)) {
            throw new JobConfigException(key, "column '" + column + "' is not in the data",
                    Suggestions.fix(column, available, "Available columns") + headerHint(data, available));
        }
        DataType type = schema.apply(column).dataType();
        if (data.inputKind() == InputKind.TEXT && !(type instanceof StringType)) {
            throw new JobConfigException(key, "column '" + column + "' has type " + type.simpleString()
                    + "; data.text must be a string column", type instanceof ArrayType
                    ? "An array column is a sequence: use data.sequence instead" : "Point data.text at a text column");
        }
        if (data.inputKind() == InputKind.SEQUENCE && !(type instanceof ArrayType)) {
            throw new JobConfigException(key, "column '" + column + "' has type " + type.simpleString()
                    + "; data.sequence must be an array column: array<array<double>> (time × features), array<int>"
                    + " (token ids) or array<double> (a series)", type instanceof StringType
                    ? "A string column is text: use data.text instead" : "Point data.sequence at an array column");
        }
    }

    private static void requireUsableFeature(String column, DataType type, boolean explicit) {
        if (type instanceof NumericType || type instanceof BooleanType || isVector(type)) {
            return;
        }
        throw new JobConfigException("data.features", "column '" + column + "' has type " + type.simpleString()
                + "; features must be numeric, boolean or vector columns", explicit
                ? "Remove '" + column + "' from data.features"
                : "List the feature columns with data.features, leaving '" + column + "' out");
    }

    /** A label per step: {@code array<double>} (or any numeric element type). */
    public static boolean isNumericArray(DataType type) {
        return type instanceof ArrayType a && a.elementType() instanceof NumericType;
    }

    private static boolean isVector(DataType type) {
        return SQLDataTypes.VectorType().equals(type);
    }

    /** A CSV read without its header row has columns _c0, _c1, ...: say so, it is the usual cause. */
    private static String headerHint(DataSection data, List<String> available) {
        if (data.format() == DataFormat.CSV && available.contains("_c0")) {
            return ". The CSV was read without a header row; if the file has one, set data.options.header: \"true\"";
        }
        return "";
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
