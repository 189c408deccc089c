package io.deepline.jobs.train;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Test-set quality of a classifier, computed with MLlib.
 *
 * @param accuracy   fraction of test rows classified correctly
 * @param f1Macro    the plain mean over classes of the per-class F1 = 2·P·R / (P + R); every class counts the same,
 *                   however rare, so this exposes a model that ignores small classes
 * @param weightedF1 the per-class F1 averaged with weights proportional to class frequency
 */
public record ClassificationMetrics(double accuracy, double f1Macro, double weightedF1) implements TestMetrics {

    /**
     * Evaluates scored test rows.
     *
     * @param predictions rows with the true label and the model's prediction
     */
    public static ClassificationMetrics evaluate(Dataset<Row> predictions, String labelColumn,
                                                 String predictionColumn) {
        // Two passes read the predictions; cache them so the model scores each test row once.
        Dataset<Row> scored = predictions
                .selectExpr("CAST(`" + predictionColumn + "` AS DOUBLE) AS prediction",
                        "CAST(`" + labelColumn + "` AS DOUBLE) AS label")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            double accuracy = new MulticlassClassificationEvaluator().setLabelCol("label")
                    .setPredictionCol("prediction").setMetricName("accuracy").evaluate(scored);
            JavaRDD<Tuple2<Double, Double>> pairs = scored.toJavaRDD()
                    .map(r -> new Tuple2<>(r.getDouble(0), r.getDouble(1)));
            MulticlassMetrics metrics = new MulticlassMetrics(pairs.rdd());
            return new ClassificationMetrics(accuracy, macroF1(metrics), metrics.weightedFMeasure());
        } finally {
            scored.unpersist();
        }
    }

    /** Mean of {@code fMeasure(label)} over the classes MLlib saw (MLlib scores a class with P + R = 0 as 0). */
    static double macroF1(MulticlassMetrics metrics) {
        return Arrays.stream(metrics.labels()).map(metrics::fMeasure).average().orElse(Double.NaN);
    }

    @Override
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("accuracy", accuracy);
        json.put("f1Macro", f1Macro);
        json.put("weightedF1", weightedF1);
        return json;
    }

    @Override
    public java.util.List<String> summaryLines() {
        return java.util.List.of(String.format(java.util.Locale.ROOT, "accuracy  %.4f", accuracy),
                String.format(java.util.Locale.ROOT, "f1Macro   %.4f", f1Macro));
    }
}
