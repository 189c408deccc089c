package io.deepline.pipelines.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RMSE, MAE and R² agree with MLlib; the negative log-likelihoods follow their formulas. */
@ExtendWith(SparkSessionExtension.class)
class RegressionReportTest {
    private static final StructType SCHEMA = new StructType().add("label", DataTypes.DoubleType)
            .add("prediction", DataTypes.DoubleType);

    @Test
    void matchesMllibAndTheLikelihoodFormulas(SparkSession spark) {
        List<Row> rows = List.of(RowFactory.create(0.0, 0.5), RowFactory.create(2.0, 1.5), RowFactory.create(3.0, 2.0),
                RowFactory.create(1.0, 1.2), RowFactory.create(5.0, 4.1));
        Dataset<Row> scored = spark.createDataFrame(rows, SCHEMA).repartition(2);
        RegressionReport report = RegressionReport.of(scored, "label", "prediction");
        RegressionEvaluator mllib = new RegressionEvaluator();
        assertEquals(mllib.setMetricName("rmse").evaluate(scored), report.rmse(), 1e-12);
        assertEquals(mllib.setMetricName("mae").evaluate(scored), report.mae(), 1e-12);
        assertEquals(mllib.setMetricName("r2").evaluate(scored), report.r2(), 1e-12);
        assertEquals(5, report.count());

        double mse = report.rmse() * report.rmse();
        assertEquals(0.5 * Math.log(2 * Math.PI * mse) + 0.5, report.gaussianNll(), 1e-12);
        double poisson = 0;
        double[][] pairs = {{0, 0.5}, {2, 1.5}, {3, 2.0}, {1, 1.2}, {5, 4.1}};
        double[] logFactorial = {0, 0, Math.log(2), Math.log(6), 0, Math.log(120)};
        for (double[] p : pairs) {
            poisson += p[1] - p[0] * Math.log(p[1]) + logFactorial[(int) p[0]];
        }
        assertEquals(poisson / 5, report.poissonNll(), 1e-9);
    }

    @Test
    void poissonLikelihoodIsUndefinedForNonPositivePredictions(SparkSession spark) {
        Dataset<Row> scored = spark.createDataFrame(List.of(RowFactory.create(1.0, -0.5), RowFactory.create(2.0, 2.0)),
                SCHEMA);
        assertTrue(Double.isNaN(RegressionReport.of(scored, "label", "prediction").poissonNll()));
    }
}
