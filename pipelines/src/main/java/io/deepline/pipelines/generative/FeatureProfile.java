package io.deepline.pipelines.generative;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.deepline.models.spec.ReconstructionKind;
import io.deepline.pipelines.core.data.InvalidDataException;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One aggregation over an unlabeled features column: rows, nulls, vector sizes, rows with NaN/Inf, and the range
 * of the finite values. No row leaves the executors; only this one aggregate row reaches the driver.
 */
record FeatureProfile(long rows, long nullRows, int minSize, int maxSize, long nonFiniteRows, double minValue,
                      double maxValue) {

    static FeatureProfile of(Dataset<?> dataset, String featuresCol) {
        // vector_to_array fails on a null vector, so nulls stay null (and are counted) without reaching it.
        Row r = dataset.select(when(col(featuresCol).isNotNull(),
                        functions.vector_to_array(col(featuresCol), "float64")).as("v"))
                .selectExpr("v", "exists(v, x -> isnan(x) OR abs(x) = double('Infinity')) AS bad")
                .agg(count(lit(1)),
                        expr("count_if(v IS NULL)"),
                        expr("min(size(v))"),
                        expr("max(size(v))"),
                        expr("count_if(bad)"),
                        expr("min(CASE WHEN NOT bad THEN array_min(v) END)"),
                        expr("max(CASE WHEN NOT bad THEN array_max(v) END)"))
                .first();
        return new FeatureProfile(r.getLong(0), r.getLong(1), r.isNullAt(2) ? 0 : r.getInt(2),
                r.isNullAt(3) ? 0 : r.getInt(3), r.getLong(4), r.isNullAt(5) ? Double.NaN : r.getDouble(5),
                r.isNullAt(6) ? Double.NaN : r.getDouble(6));
    }

    /** Fails, naming the column and the fix, unless the rows can train a VAE with {@code kind}. */
    void requireTrainable(String featuresCol, ReconstructionKind kind) {
        if (rows == 0) {
            throw new InvalidDataException("the training DataFrame is empty; fit needs rows with a '" + featuresCol
                    + "' vector (check the filters and the split that produced it)");
        }
        if (nullRows > 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' has " + nullRows
                    + " null value(s) in " + rows + " rows; drop or impute those rows before fitting");
        }
        if (minSize != maxSize) {
            throw new InvalidDataException("the features column '" + featuresCol + "' holds vectors of different "
                    + "sizes (from " + minSize + " to " + maxSize + "); every row needs the same number of features");
        }
        if (maxSize == 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' holds empty vectors; "
                    + "a network needs at least one feature");
        }
        if (nonFiniteRows > 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' has NaN or infinite values in "
                    + nonFiniteRows + " row(s); impute them (e.g. with Imputer) or drop those rows");
        }
        if (kind == ReconstructionKind.BERNOULLI && (minValue < 0 || maxValue > 1)) {
            throw new InvalidDataException("reconstructionDistribution bernoulli models features in [0, 1], but "
                    + "the features column '" + featuresCol + "' ranges over [" + minValue + ", " + maxValue
                    + "]; rescale it to [0, 1] (e.g. MinMaxScaler, or divide pixels by 255) or set"
                    + " reconstructionDistribution to gaussian");
        }
    }
}
