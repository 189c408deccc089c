package io.deepline.jobs.tune;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.eval.ClassificationReportEvaluator;
import java.util.List;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;

/** The evaluator {@code tune.metric} names, checked against the kind of model (classifier or regressor). */
public final class TuneMetric {
    /** Metrics of regressors, as MLlib's RegressionEvaluator names them. */
    public static final List<String> REGRESSION = List.of("rmse", "mae", "r2", "mse");

    private TuneMetric() {
    }

    /**
     * @param metric            the job file's metric, or null for the default (f1Macro, or rmse for a regressor)
     * @param probabilityColumn the class-probability column, or null when the classifier writes none
     */
    public static Evaluator evaluator(String metric, boolean classifies, String labelColumn, String predictionColumn,
                                      String probabilityColumn) {
        return evaluator("tune.metric", metric, classifies, labelColumn, predictionColumn, probabilityColumn);
    }

    /** As {@link #evaluator(String, boolean, String, String, String)}, errors naming {@code key}. */
    public static Evaluator evaluator(String key, String metric, boolean classifies, String labelColumn,
                                      String predictionColumn, String probabilityColumn) {
        if (classifies) {
            String name = metric == null ? "f1Macro" : metric;
            if (!ClassificationReportEvaluator.METRIC_NAMES.contains(name)) {
                throw new JobConfigException(key, "'" + name + "' is not a classification metric",
                        "Use one of " + ClassificationReportEvaluator.METRIC_NAMES);
            }
            if (name.equals("logLoss") && probabilityColumn == null) {
                throw new JobConfigException(key, "logLoss needs class probabilities, which this model"
                        + " does not write", "Use accuracy or f1Macro");
            }
            ClassificationReportEvaluator evaluator = new ClassificationReportEvaluator().setMetricName(name)
                    .setLabelCol(labelColumn).setPredictionCol(predictionColumn);
            return probabilityColumn == null ? evaluator : evaluator.setProbabilityCol(probabilityColumn);
        }
        String name = metric == null ? "rmse" : metric;
        if (!REGRESSION.contains(name)) {
            throw new JobConfigException(key, "'" + name + "' is not a regression metric",
                    "Use one of " + REGRESSION);
        }
        return new RegressionEvaluator().setMetricName(name).setLabelCol(labelColumn)
                .setPredictionCol(predictionColumn);
    }
}
