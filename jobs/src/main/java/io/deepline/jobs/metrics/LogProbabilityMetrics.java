package io.deepline.jobs.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Test-set quality of a generative model that scores each row by the log-probability it gives the row (e.g. a
 * VAE's reconstruction log-probability, higher is better): its mean, median and 5th percentile over the test rows
 * (the low tail is where the rows unlike the training data are).
 *
 * @param column the per-row log-probability column the metrics were computed from
 */
public record LogProbabilityMetrics(String column, long rows, double mean, double median, double p05)
        implements TestMetrics {

    public static LogProbabilityMetrics evaluate(Dataset<Row> scored, String column) {
        // The 5th percentile of log p is minus the 95th of −log p, which ColumnSummary computes.
        ColumnSummary negated = ColumnSummary.of(scored.selectExpr("-`" + column + "` AS negLogProb"), "negLogProb");
        return new LogProbabilityMetrics(column, negated.rows(), -negated.mean(), -negated.median(), -negated.p95());
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meanReconstructionLogProb", mean);
        json.put("medianReconstructionLogProb", median);
        json.put("p05ReconstructionLogProb", p05);
        json.put("reconstructionLogProbColumn", column);
        return json;
    }

    @Override
    public List<String> summaryLines() {
        return List.of(String.format(Locale.ROOT, "mean reconstruction log p    %.4f", mean),
                String.format(Locale.ROOT, "median reconstruction log p  %.4f", median));
    }
}
