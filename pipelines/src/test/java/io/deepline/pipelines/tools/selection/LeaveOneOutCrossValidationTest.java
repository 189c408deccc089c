package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leave-one-out (course §3.1.1: k = n, each fold validates on one row). Checked on least squares, whose leave-one-out
 * residuals have a closed form: e_i / (1 − h_ii), with h_ii = 1/n + (x_i − x̄)² / Σ(x_j − x̄)² for one feature and
 * an intercept. The rmse of a one-row fold is that residual's size.
 */
@ExtendWith(SparkSessionExtension.class)
class LeaveOneOutCrossValidationTest {
    private static final int N = 20;

    @Test
    void everyRowIsAFoldAndItsMetricIsTheClosedFormLeaveOneOutResidual(SparkSession spark) {
        Random random = new Random(8);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = random.nextGaussian();
            y[i] = 1.5 * x[i] - 0.5 + 0.3 * random.nextGaussian();
        }
        LinearRegression ols = new LinearRegression().setSolver("normal").setRegParam(0);
        ParamMap[] grid = new ParamGridBuilder().addGrid(ols.regParam(), new double[] {0.0}).build();
        CrossValidationResult cv = new KFoldCrossValidation(ols, grid, new RegressionEvaluator().setMetricName("rmse"))
                .withLeaveOneOut().withParallelism(2).fit(frame(spark, x, y));
        CrossValidationReport report = cv.report();
        assertEquals(N, report.numFolds());
        double[] folds = report.gridPoints().get(0).foldMetrics().clone();
        double[] expected = pressResiduals(x, y);
        Arrays.sort(folds);
        Arrays.sort(expected);
        assertArrayEquals(expected, folds, 1e-8);
    }

    @Test
    void refusedAboveTheRowLimitAndWithStratification(SparkSession spark) {
        double[] x = new double[KFoldCrossValidation.MAX_LEAVE_ONE_OUT_ROWS + 1];
        LinearRegression ols = new LinearRegression();
        ParamMap[] grid = new ParamGridBuilder().addGrid(ols.regParam(), new double[] {0.0}).build();
        KFoldCrossValidation loo = new KFoldCrossValidation(ols, grid, new RegressionEvaluator()).withLeaveOneOut();
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> loo.fit(frame(spark, x, x)));
        assertTrue(big.getMessage().contains("500 rows") && big.getMessage().contains("501"), big.getMessage());
        IllegalArgumentException stratified = assertThrows(IllegalArgumentException.class,
                () -> loo.stratifiedBy("label"));
        assertTrue(stratified.getMessage().contains("'label'"), stratified.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> loo.withFolds(0));
        assertTrue(zero.getMessage().contains("LEAVE_ONE_OUT"), zero.getMessage());
    }

    private static double[] pressResiduals(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double[] press = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1.0 / x.length + (x[i] - mx) * (x[i] - mx) / sxx;
            press[i] = Math.abs((y[i] - intercept - slope * x[i]) / (1 - h));
        }
        return press;
    }

    private static Dataset<Row> frame(SparkSession spark, double[] x, double[] y) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), y[i]));
        }
        return spark.createDataFrame(rows, new StructType().add("features", new VectorUDT())
                .add("label", DataTypes.DoubleType));
    }
}
