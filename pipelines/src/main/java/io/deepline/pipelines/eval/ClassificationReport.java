package io.deepline.pipelines.eval;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * A classifier's quality on scored rows (course §3.1.2), from a K×K confusion matrix C[i][j] (true class i,
 * predicted class j) that one aggregation counts.
 *
 * <p>Per class k: precision = C_kk / Σ_j C_jk (column k), recall = C_kk / Σ_j C_kj (row k), F1 = their harmonic
 * mean. Defined values where a ratio would be 0/0, never NaN: a class never predicted has precision 0, a class
 * that never occurs has recall 0, and F1 is 0 when precision + recall = 0. Macro values are plain means over the K
 * classes. Log-loss is the mean of −log p(true class), with p clipped to [1e-15, 1] as MLlib does.
 *
 * @param confusion counts, true class by predicted class
 * @param logLoss   present when a probability column was given
 */
public record ClassificationReport(long[][] confusion, OptionalDouble logLoss) {
    /** Smallest probability used in log-loss, as MLlib's evaluator. */
    public static final double MIN_PROBABILITY = 1e-15;

    /**
     * @param numClasses      K, or 0 to take max(label, prediction) + 1
     * @param probabilityCol  a Vector column of class probabilities, or null to skip log-loss
     */
    public static ClassificationReport of(Dataset<?> scored, String labelCol, String predictionCol,
                                          String probabilityCol, int numClasses) {
        requireNumeric(scored, labelCol, "label");
        requireNumeric(scored, predictionCol, "prediction");
        Column label = functions.col(labelCol).cast("int");
        Column prediction = functions.col(predictionCol).cast("int");
        List<Row> counts = scored.groupBy(label.as("y"), prediction.as("p")).count().collectAsList();
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("there are no scored rows to evaluate; the test split is empty");
        }
        int k = numClasses;
        for (Row r : counts) {
            if (r.isNullAt(0) || r.isNullAt(1)) {
                throw new IllegalArgumentException("the label column '" + labelCol + "' or prediction column '"
                        + predictionCol + "' has nulls; evaluate rows with a label and a prediction");
            }
            k = Math.max(k, Math.max(r.getInt(0), r.getInt(1)) + 1);
        }
        long[][] confusion = new long[k][k];
        for (Row r : counts) {
            if (r.getInt(0) < 0 || r.getInt(1) < 0) {
                throw new IllegalArgumentException("labels and predictions must be 0-based class indices, found "
                        + r.getInt(0) + " / " + r.getInt(1));
            }
            confusion[r.getInt(0)][r.getInt(1)] += r.getLong(2);
        }
        return new ClassificationReport(confusion,
                probabilityCol == null ? OptionalDouble.empty() : OptionalDouble.of(logLoss(scored, labelCol,
                        probabilityCol)));
    }

    private static double logLoss(Dataset<?> scored, String labelCol, String probabilityCol) {
        DataType type = SchemaChecks.requireColumn(scored.schema(), probabilityCol, "probability", "probabilityCol");
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("the probability column '" + probabilityCol + "' must hold vectors of"
                    + " class probabilities but is " + type.catalogString());
        }
        Column p = functions.element_at(org.apache.spark.ml.functions.vector_to_array(
                functions.col(probabilityCol), "float64"), functions.col(labelCol).cast("int").plus(1));
        Row mean = scored.select(functions.avg(functions.log(functions.greatest(p, functions.lit(MIN_PROBABILITY)))
                .multiply(-1))).first();
        return mean.getDouble(0);
    }

    private static void requireNumeric(Dataset<?> scored, String column, String role) {
        DataType type = SchemaChecks.requireColumn(scored.schema(), column, role, role + "Col");
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' must be numeric class"
                    + " indices but is " + type.catalogString());
        }
    }

    /** A copy of the confusion matrix, true class by predicted class. */
    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public int numClasses() {
        return confusion.length;
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < confusion.length; k++) {
            correct += confusion[k][k];
        }
        return correct / (double) total();
    }

    /** Rows of class k (Σ_j C_kj). */
    public long support(int k) {
        long n = 0;
        for (long c : confusion[k]) {
            n += c;
        }
        return n;
    }

    private long predicted(int k) {
        long n = 0;
        for (long[] row : confusion) {
            n += row[k];
        }
        return n;
    }

    public double precision(int k) {
        long predicted = predicted(k);
        return predicted == 0 ? 0.0 : confusion[k][k] / (double) predicted;
    }

    public double recall(int k) {
        long support = support(k);
        return support == 0 ? 0.0 : confusion[k][k] / (double) support;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public double precisionMacro() {
        double sum = 0;
        for (int k = 0; k < numClasses(); k++) {
            sum += precision(k);
        }
        return sum / numClasses();
    }

    public double recallMacro() {
        double sum = 0;
        for (int k = 0; k < numClasses(); k++) {
            sum += recall(k);
        }
        return sum / numClasses();
    }

    /** Per-class F1 weighted by class frequency (MLlib's weightedFMeasure). */
    public double weightedF1() {
        double sum = 0;
        for (int k = 0; k < numClasses(); k++) {
            sum += support(k) * f1(k);
        }
        return sum / total();
    }

    /** The course's macro F1: the plain mean of the per-class F1. */
    public double f1Macro() {
        double sum = 0;
        for (int k = 0; k < numClasses(); k++) {
            sum += f1(k);
        }
        return sum / numClasses();
    }
}
