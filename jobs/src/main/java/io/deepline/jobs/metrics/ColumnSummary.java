package io.deepline.jobs.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The distribution of a per-row score over the test rows, from one aggregation: count, mean, median, 95th
 * percentile (by {@code percentile_approx}, relative error 1e-4) and maximum.
 */
record ColumnSummary(long rows, double mean, double median, double p95, double max) {

    static ColumnSummary of(Dataset<Row> scored, String column) {
        Row r = scored.agg(functions.count(functions.col(column)), functions.avg(column),
                functions.expr("percentile_approx(`" + column + "`, array(0.5, 0.95), 10000)"),
                functions.max(column)).first();
        List<Object> quantiles = r.getList(2);
        return new ColumnSummary(r.getLong(0), r.getDouble(1), ((Number) quantiles.get(0)).doubleValue(),
                ((Number) quantiles.get(1)).doubleValue(), r.getDouble(3));
    }
}
