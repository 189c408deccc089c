package io.deepline.jobs.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Test-set quality of an unsupervised model that scores each row by how badly it reconstructs it (e.g. an
 * autoencoder's mean squared error per row): the mean, median, 95th percentile and maximum of that score over the
 * test rows, from one aggregation (the quantiles by {@code percentile_approx}, relative error 1e-4).
 *
 * @param errorColumn the per-row score column the metrics were computed from
 */
public record ReconstructionMetrics(String errorColumn, long rows, double mean, double median, double p95,
                                    double max) implements TestMetrics {

    public static ReconstructionMetrics evaluate(Dataset<Row> scored, String errorColumn) {
        ColumnSummary c = ColumnSummary.of(scored, errorColumn);
        return new ReconstructionMetrics(errorColumn, c.rows(), c.mean(), c.median(), c.p95(), c.max());
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meanReconstructionError", mean);
        json.put("medianReconstructionError", median);
        json.put("p95ReconstructionError", p95);
        json.put("maxReconstructionError", max);
        json.put("reconstructionErrorColumn", errorColumn);
        return json;
    }

    @Override
    public List<String> summaryLines() {
        return List.of(String.format(Locale.ROOT, "mean reconstruction error    %.6f", mean),
                String.format(Locale.ROOT, "median reconstruction error  %.6f", median));
    }
}
