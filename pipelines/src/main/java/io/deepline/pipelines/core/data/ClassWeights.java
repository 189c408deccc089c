package io.deepline.pipelines.core.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Per-class weights for imbalanced data (course §3.1.2, the fraud example): with {@code weightCol} set to the
 * column {@link #withWeightColumn} adds, each class contributes to the loss in proportion to its weight.
 *
 * <pre>{@code
 * Map<Integer, Double> w = ClassWeights.balanced(train, "label");   // w_c = n / (K · n_c)
 * Dataset<Row> weighted = ClassWeights.withWeightColumn(train, "label", w, "weight");
 * new DeepClassifier().setWeightCol("weight").fit(weighted);
 * }</pre>
 */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * The "balanced" weights w_c = n / (K · n_c), with K the number of classes present: every class then carries
     * the same total weight n / K. Counted by one {@code groupBy} aggregation.
     */
    public static Map<Integer, Double> balanced(Dataset<?> data, String labelCol) {
        SchemaChecks.requireNumericColumn(data.schema(), labelCol, "label", "labelCol");
        List<Row> counts = data.groupBy(functions.col(labelCol).cast("double").as("label")).count().collectAsList();
        if (counts.isEmpty()) {
            throw new InvalidDataException("cannot weigh the classes of an empty DataFrame; the label column '"
                    + labelCol + "' has no rows");
        }
        long n = 0;
        for (Row r : counts) {
            if (r.isNullAt(0) || r.getDouble(0) != Math.rint(r.getDouble(0)) || r.getDouble(0) < 0) {
                throw new InvalidDataException("the label column '" + labelCol + "' holds "
                        + (r.isNullAt(0) ? "nulls" : "the value " + r.getDouble(0))
                        + "; class weights need 0-based class indices (StringIndexer makes them)");
            }
            n += r.getLong(1);
        }
        Map<Integer, Double> weights = new TreeMap<>();
        for (Row r : counts) {
            weights.put((int) r.getDouble(0), (double) n / (counts.size() * r.getLong(1)));
        }
        return weights;
    }

    /**
     * Adds {@code weightCol} = weights[label]. A label without a weight fails the job with a message naming it.
     */
    public static Dataset<Row> withWeightColumn(Dataset<?> data, String labelCol, Map<Integer, Double> weights,
                                                String weightCol) {
        SchemaChecks.requireNumericColumn(data.schema(), labelCol, "label", "labelCol");
        SchemaChecks.requireAbsent(data.schema(), weightCol, "weightCol");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no class weights given; pass at least one class → weight");
        }
        Column label = functions.col(labelCol).cast("double");
        Column weight = null;
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            double w = e.getValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("the weight of class " + e.getKey() + " is " + w
                        + "; class weights must be finite and >= 0");
            }
            Column when = label.equalTo((double) e.getKey());
            weight = weight == null ? functions.when(when, w) : weight.when(when, w);
        }
        Column missing = functions.raise_error(functions.concat(functions.lit("no class weight for label "),
                label.cast("string"), functions.lit(" in column '" + labelCol + "'; weights exist for classes "
                        + weights.keySet())));
        return data.withColumn(weightCol, weight.otherwise(missing.cast("double")));
    }
}
