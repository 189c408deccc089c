package io.deepline.jobs.train;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * The training rows' weights ({@code data.weight}, {@code data.classWeights}), handed to the model through its
 * {@code weightCol}. A weight column of the data is used as it is; balanced class weights are computed from the
 * training split alone (the test rows must not shape training) and written, times the row weight if there is one,
 * to {@link #WEIGHT}.
 *
 * <p>The class weights key on the raw label value (a string label too: its indexer is fitted only in the pipeline),
 * so they need no indexing first.
 */
public final class RowWeights {

    /** The column balanced class weights are written to. */
    public static final String WEIGHT = "trainingWeight";

    private final String rowWeight;
    private final boolean balanced;

    private RowWeights(String rowWeight, boolean balanced) {
        this.rowWeight = rowWeight;
        this.balanced = balanced;
    }

    /** The weights {@code data} asks for; {@link #none()} when it asks for none. */
    public static RowWeights of(DataSection data) {
        return new RowWeights(data.weight(), DataSection.BALANCED.equals(data.classWeights()));
    }

    public static RowWeights none() {
        return new RowWeights(null, false);
    }

    /** The column the model's {@code weightCol} reads, or null when the rows are not weighted. */
    public String column() {
        return balanced ? WEIGHT : rowWeight;
    }

    /**
     * Checks the weight column in the data's schema: present and numeric.
     *
     * @throws JobConfigException naming {@code data.weight}
     */
    void requireColumn(List<String> available, DataType type) {
        if (rowWeight == null) {
            return;
        }
        if (!available.contains(rowWeight)) {
            throw new JobConfigException("data.weight", "column '" + rowWeight + "' is not in the data",
                    Suggestions.fix(rowWeight, available, "Available columns"));
        }
        if (!(type instanceof NumericType)) {
            throw new JobConfigException("data.weight", "column '" + rowWeight + "' has type " + type.simpleString()
                    + "; row weights must be numbers >= 0", "Point data.weight at a numeric column");
        }
    }

    /** The row-weight column the job file names, or null. */
    String rowWeightColumn() {
        return rowWeight;
    }

    /**
     * Balanced weights w_c = n / (k · n_c) of {@code train}'s label classes, by raw label value, in one
     * aggregation; empty when the job asks for none.
     */
    Map<Object, Double> classWeights(Dataset<Row> train, String label) {
        Map<Object, Double> weights = new LinkedHashMap<>();
        if (!balanced) {
            return weights;
        }
        List<Row> counts = train.groupBy(NullRows.column(label)).count().collectAsList();
        long n = counts.stream().mapToLong(r -> r.getLong(1)).sum();
        for (Row r : counts) {
            weights.put(r.get(0), (double) n / ((double) counts.size() * r.getLong(1)));
        }
        return weights;
    }

    /**
     * {@code rows} with {@link #WEIGHT} = the class weight of the row's label (times the row weight); a class the
     * training split lacks (only possible in the validation split of an unstratified split) weighs 1. Unchanged
     * when the classes are not weighted.
     */
    Dataset<Row> apply(Dataset<Row> rows, String label, Map<Object, Double> classWeights) {
        if (!balanced) {
            return rows;
        }
        Column weight = null;
        for (Map.Entry<Object, Double> e : classWeights.entrySet()) {
            Column isClass = NullRows.column(label).equalTo(lit(e.getKey()));
            weight = weight == null ? when(isClass, e.getValue()) : weight.when(isClass, e.getValue());
        }
        weight = weight == null ? lit(1.0) : weight.otherwise(1.0);
        if (rowWeight != null) {
            weight = weight.multiply(NullRows.column(rowWeight).cast("double"));
        }
        return rows.withColumn(WEIGHT, weight);
    }
}
