package io.deepline.jobs.train;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.Suggestions;
import java.util.ArrayList;
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
 * @param categorical   the feature columns that hold categories, to be one-hot encoded; a subset of
 *                      {@code features}, in their order
 */
public record InputSchema(String label, boolean labelIsText, InputKind kind, List<String> features,
                          boolean singleVector, List<String> categorical) {

    public InputSchema {
        features = List.copyOf(features);
        categorical = List.copyOf(categorical);
        if (kind != InputKind.FEATURES && features.size() != 1) {
            throw new IllegalArgumentException(kind.key() + " is one column, got " + features);
        }
        if (!features.containsAll(categorical) || (!categorical.isEmpty() && (kind != InputKind.FEATURES
                || singleVector))) {
            throw new IllegalArgumentException("categorical columns " + categorical + " must be among the feature"
                    + " columns " + features + " of a feature-column input");
        }
    }

    /** An input with no categorical columns. */
    public InputSchema(String label, boolean labelIsText, InputKind kind, List<String> features,
                       boolean singleVector) {
        this(label, labelIsText, kind, features, singleVector, List.of());
    }

    /** Feature-column input with no categorical columns. */
    public InputSchema(String label, boolean labelIsText, List<String> features, boolean singleVector) {
        this(label, labelIsText, InputKind.FEATURES, features, singleVector);
    }

    /** Whether column {@code name} is one-hot encoded rather than used as a number. */
    public boolean isCategorical(String name) {
        return categorical.contains(name);
    }

    /** The columns the model learns from: the label (if any) and the input columns, for null checks. */
    public List<String> usedColumns() {
        List<String> used = new ArrayList<>();
        if (label != null) {
            used.add(label);
        }
        used.addAll(features);
        return List.copyOf(used);
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
     * @throws JobConfigException naming {@code data.label}, {@code data.features} or {@code data.categorical} for a
     *                            missing column or one of an unusable type; the message lists the available columns
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
        List<String> categorical = data.categorical();
        List<String> absent = categorical.stream().filter(c -> !available.contains(c)).toList();
        if (!absent.isEmpty()) {
            throw new JobConfigException("data.categorical", "column(s) " + quoted(absent) + " not in the data",
                    Suggestions.fix(absent.get(0), available, "Available columns") + headerHint(data, available));
        }
        for (String f : features) {
            DataType type = schema.apply(f).dataType();
            if (categorical.contains(f)) {
                requireCategories(f, type);
            } else {
                requireUsableFeature(f, type, data.hasExplicitFeatures());
            }
        }
        boolean singleVector = features.size() == 1 && categorical.isEmpty()
                && isVector(schema.apply(features.get(0)).dataType());
        // In feature order, so the one-hot blocks sit where their columns are listed.
        List<String> categoricalInOrder = features.stream().filter(categorical::contains).toList();
        return new InputSchema(label, labelIsText, InputKind.FEATURES, features, singleVector, categoricalInOrder);
    }

    /** StringIndexer reads strings and numbers (as their text); anything else has no categories to index. */
    private static void requireCategories(String column, DataType type) {
        if (type instanceof StringType || type instanceof NumericType) {
            return;
        }
        throw new JobConfigException("data.categorical", "column '" + column + "' has type " + type.simpleString()
                + "; categorical columns must hold strings or numbers used as codes", type instanceof BooleanType
                ? "A boolean column is a feature as it is: remove '" + column + "' from data.categorical"
                : "Remove '" + column + "' from data.categorical");
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
        String categories = type instanceof StringType ? ". If it holds categories, one-hot encode it with"
                + " data.categorical: [" + column + "]" : "";
        throw new JobConfigException("data.features", "column '" + column + "' has type " + type.simpleString()
                + "; features must be numeric, boolean or vector columns", (explicit
                ? "Remove '" + column + "' from data.features"
                : "List the feature columns with data.features, leaving '" + column + "' out") + categories);
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
