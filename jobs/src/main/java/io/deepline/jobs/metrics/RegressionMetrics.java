package io.deepline.jobs.metrics;

import io.deepline.pipelines.eval.RegressionReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Test-set quality of a regressor, from Deepline's {@link RegressionReport} (one aggregation, cross-checked against
 * MLlib's RegressionEvaluator): RMSE, MAE, R², and the mean negative log-likelihoods of the Gaussian and (for
 * positive predictions) Poisson families.
 */
public record RegressionMetrics(RegressionReport report) implements TestMetrics {

    public static RegressionMetrics evaluate(Dataset<Row> predictions, String labelColumn, String predictionColumn) {
        return new RegressionMetrics(RegressionReport.of(predictions, labelColumn, predictionColumn));
    }

    public double rmse() {
        return report.rmse();
    }

    public double mae() {
        return report.mae();
    }

    public double r2() {
        return report.r2();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rmse", rmse());
        json.put("mae", mae());
        json.put("r2", r2());
        json.put("gaussianNll", report.gaussianNll());
        if (Double.isFinite(report.poissonNll())) {
            json.put("poissonNll", report.poissonNll()); // defined only when every prediction is positive
        }
        return json;
    }

    @Override
    public List<String> summaryLines() {
        return List.of(String.format(Locale.ROOT, "rmse      %.4f", rmse()), String.format(Locale.ROOT, "mae       %.4f", mae()),
                String.format(Locale.ROOT, "r2        %.4f", r2()));
    }
}
