package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.EpochStats;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DeepRegressor's per-epoch validation: the RMSE and squared-error loss of the model on the validation rows. */
@ExtendWith(SparkSessionExtension.class)
class DeepRegressorValidationTest {

    @Test
    void regressorReportsValidationRmse(SparkSession spark) {
        Dataset<Row> data = RegressionData.diabetes(spark)
                .withColumn("isValidation", functions.rand(11).lt(0.3)).cache();
        DeepRegressionModel model = new DeepRegressor().setHiddenLayers(new int[] {}).setLearningRate(0.05)
                .setMaxEpochs(3).setNumWorkers(2).setValidationIndicatorCol("isValidation").fit(data);
        EpochStats last = model.trainingHistory().epochs().get(2);
        assertEquals("rmse", model.trainingHistory().validationMetricName());
        double rmse = new RegressionEvaluator().setMetricName("rmse")
                .evaluate(model.transform(data.filter("isValidation")));
        assertEquals(rmse, last.validationMetric(), 1e-3 * rmse);
        // Gaussian head: the loss is the mean squared error, the square of the RMSE.
        assertEquals(rmse * rmse, last.validationLoss(), 1e-3 * rmse * rmse);
    }

}
