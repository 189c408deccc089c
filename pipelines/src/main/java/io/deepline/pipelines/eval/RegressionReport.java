package io.deepline.pipelines.eval;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.io.Serializable;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * A regressor's quality on scored rows, from sums one {@code treeAggregate} pass collects:
 * RMSE = √(Σ(y−ŷ)²/N) (the course's formula), MAE, R² = 1 − SSE/SST, and the mean negative log-likelihood of the
 * Gaussian family (σ² estimated as the MSE: ½·log(2π·MSE) + ½) and of the Poisson family
 * (ŷ − y·log ŷ + log y!; ŷ must be positive).
 */
public record RegressionReport(long count, double rmse, double mae, double r2, double gaussianNll,
                               double poissonNll) {

    public static RegressionReport of(Dataset<?> scored, String labelCol, String predictionCol) {
        requireNumeric(scored, labelCol, "label");
        requireNumeric(scored, predictionCol, "prediction");
        Sums s = scored.select(functions.col(labelCol).cast("double"), functions.col(predictionCol).cast("double"))
                .toDF().javaRDD().treeAggregate(new Sums(), Sums::add, Sums::merge);
        if (s.n == 0) {
            throw new IllegalArgumentException("there are no scored rows to evaluate; the test split is empty");
        }
        double mse = s.sse / s.n;
        double sst = s.sumYY - s.sumY * s.sumY / s.n;
        return new RegressionReport(s.n, Math.sqrt(mse), s.sae / s.n, 1 - s.sse / sst,
                0.5 * Math.log(2 * Math.PI * mse) + 0.5, s.poissonValid ? s.poisson / s.n : Double.NaN);
    }

    private static void requireNumeric(Dataset<?> scored, String column, String role) {
        DataType type = SchemaChecks.requireColumn(scored.schema(), column, role, role + "Col");
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' must be numeric but is "
                    + type.catalogString());
        }
    }

    /** The running sums; Poisson's NLL is defined only for positive predictions and count labels. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long n;
        double sse;
        double sae;
        double sumY;
        double sumYY;
        double poisson;
        boolean poissonValid = true;

        Sums add(Row row) {
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("a scored row has a null label or prediction");
            }
            double y = row.getDouble(0);
            double yHat = row.getDouble(1);
            n++;
            sse += (y - yHat) * (y - yHat);
            sae += Math.abs(y - yHat);
            sumY += y;
            sumYY += y * y;
            if (yHat > 0 && y >= 0 && y == Math.rint(y)) {
                poisson += yHat - y * Math.log(yHat) + Gamma.logGamma(y + 1);
            } else {
                poissonValid = false;
            }
            return this;
        }

        Sums merge(Sums o) {
            n += o.n;
            sse += o.sse;
            sae += o.sae;
            sumY += o.sumY;
            sumYY += o.sumYY;
            poisson += o.poisson;
            poissonValid &= o.poissonValid;
            return this;
        }
    }
}
