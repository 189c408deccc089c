package io.deepline.jobs.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Test-set quality of a regressor, computed with MLlib's RegressionEvaluator.
 *
 * @param rmse √(mean squared error)
 * @param mae  mean absolute error
 * @param r2   coefficient of determination, 1 − SSE/SST
 */
public record RegressionMetrics(double rmse, double mae, double r2) implements TestMetrics {

    public static RegressionMetrics evaluate(Dataset<Row> predictions, String labelColumn, String predictionColumn) {
        Dataset<Row> scored = predictions
                .selectExpr("CAST(`" + predictionColumn + "` AS DOUBLE) AS prediction",
                        "CAST(`" + labelColumn + "` AS DOUBLE) AS label")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            RegressionEvaluator evaluator = new RegressionEvaluator().setLabelCol("label").setPredictionCol("prediction");
            return new RegressionMetrics(evaluator.setMetricName("rmse").evaluate(scored),
                    evaluator.setMetricName("mae").evaluate(scored), evaluator.setMetricName("r2").evaluate(scored));
        } finally {
            scored.unpersist();
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rmse", rmse);
        json.put("mae", mae);
        json.put("r2", r2);
        return json;
    }

    @Override
    public List<String> summaryLines() {
        return List.of(String.format(Locale.ROOT, "rmse      %.4f", rmse), String.format(Locale.ROOT, "mae       %.4f", mae),
                String.format(Locale.ROOT, "r2        %.4f", r2));
    }
}
