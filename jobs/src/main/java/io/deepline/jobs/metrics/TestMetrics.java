package io.deepline.jobs.metrics;

import io.deepline.pipelines.eval.ClassificationReport;
import java.util.Optional;

import java.util.List;
import java.util.Map;

/** Test-set quality of a fitted model, as the metrics file and the terminal summary show it. */
public interface TestMetrics {

    /** Metric name → value, in display order. Key names are a public format: add keys, do not rename them. */
    Map<String, Object> toJson();

    /** One line per headline metric, e.g. {@code accuracy  0.9600}. */
    List<String> summaryLines();

    /** The classification report behind these metrics, for the confusion heat map; empty for regressors. */
    default Optional<ClassificationReport> classificationReport() {
        return Optional.empty();
    }
}
