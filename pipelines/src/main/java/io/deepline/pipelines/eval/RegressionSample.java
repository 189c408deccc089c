package io.deepline.pipelines.eval;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Up to {@code max} (actual, predicted) pairs of a regressor's scored rows, drawn at random (Bernoulli sampling
 * at the rate that yields about {@code max}), for scatter plots: a plot of more points shows no more, and only the
 * sample reaches the driver.
 *
 * @param actual    the labels
 * @param predicted the predictions, same order
 * @param rows      how many scored rows the sample was drawn from
 */
public record RegressionSample(double[] actual, double[] predicted, long rows) {

    /** Points a scatter plot gets by default. */
    public static final int DEFAULT_MAX = 2000;

    /**
     * @param rows how many rows {@code scored} has (known to the caller from its split), to set the sampling rate
     *             without another pass
     */
    public static RegressionSample of(Dataset<Row> scored, String labelCol, String predictionCol, long rows, int max,
                                      long seed) {
        SchemaChecks.requireNumericColumn(scored.schema(), labelCol, "label", "labelCol");
        SchemaChecks.requireNumericColumn(scored.schema(), predictionCol, "prediction", "predictionCol");
        if (max <= 0) {
            throw new IllegalArgumentException("a regression sample needs max > 0 points, got " + max);
        }
        Dataset<Row> pairs = scored.select(scored.col(labelCol).cast("double"), scored.col(predictionCol)
                .cast("double")).na().drop();
        if (rows > max) {
            // 10 % over the expected count, then cut: Bernoulli sampling's count varies around its mean.
            pairs = pairs.sample(false, Math.min(1.0, 1.1 * max / rows), seed);
        }
        List<Row> taken = pairs.limit(max).collectAsList();
        double[] actual = new double[taken.size()];
        double[] predicted = new double[taken.size()];
        for (int i = 0; i < taken.size(); i++) {
            actual[i] = taken.get(i).getDouble(0);
            predicted[i] = taken.get(i).getDouble(1);
        }
        return new RegressionSample(actual, predicted, rows);
    }

    public int size() {
        return actual.length;
    }
}
