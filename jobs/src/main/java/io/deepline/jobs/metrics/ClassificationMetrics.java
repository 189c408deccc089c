package io.deepline.jobs.metrics;

import io.deepline.pipelines.eval.ClassificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Test-set quality of a classifier, from Deepline's {@link ClassificationReport} (computed by aggregation and
 * cross-checked against MLlib): accuracy, the course's macro F1 (the plain mean over classes of
 * F1 = 2·P·R / (P + R); every class counts the same, however rare), the frequency-weighted F1, per-class precision,
 * recall, F1 and support, the confusion matrix, and log-loss when the model outputs probabilities.
 */
public record ClassificationMetrics(ClassificationReport report) implements TestMetrics {

    public static ClassificationMetrics evaluate(Dataset<Row> predictions, String labelColumn,
                                                 String predictionColumn) {
        return evaluate(predictions, labelColumn, predictionColumn, null);
    }

    /** @param probabilityColumn the class-probability column, or null when the model has none */
    public static ClassificationMetrics evaluate(Dataset<Row> predictions, String labelColumn, String predictionColumn,
                                                 String probabilityColumn) {
        // Two aggregations read the predictions; cache them so the model scores each test row once.
        Dataset<Row> scored = predictions.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return new ClassificationMetrics(ClassificationReport.of(scored, labelColumn, predictionColumn,
                    probabilityColumn, 0));
        } finally {
            scored.unpersist();
        }
    }

    @Override
    public Optional<ClassificationReport> classificationReport() {
        return Optional.of(report);
    }

    public double accuracy() {
        return report.accuracy();
    }

    public double f1Macro() {
        return report.f1Macro();
    }

    /** Per-class F1 weighted by class frequency (MLlib's weightedFMeasure). */
    public double weightedF1() {
        return report.weightedF1();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accuracy", accuracy());
        json.put("f1Macro", f1Macro());
        json.put("weightedF1", weightedF1());
        json.put("precisionMacro", report.precisionMacro());
        json.put("recallMacro", report.recallMacro());
        report.logLoss().ifPresent(v -> json.put("logLoss", v));
        json.put("confusionMatrix", report.confusion());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int k = 0; k < report.numClasses(); k++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", report.precision(k));
            c.put("recall", report.recall(k));
            c.put("f1", report.f1(k));
            c.put("support", report.support(k));
            perClass.put(Integer.toString(k), c);
        }
        json.put("perClass", perClass);
        return json;
    }

    @Override
    public List<String> summaryLines() {
        return List.of(String.format(Locale.ROOT, "accuracy  %.4f", accuracy()),
                String.format(Locale.ROOT, "f1Macro   %.4f", f1Macro()));
    }
}
