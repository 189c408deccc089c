package io.deepline.jobs.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.FractionalType;

/**
 * Test-set quality of generated sequences (SequenceGenerator, Seq2Seq), by one aggregation. Token ids:
 * {@code exactMatch} (the whole sequence right) and {@code tokenAccuracy} (position by position, over the target's
 * tokens); the begin and end ids are left out of the targets, as decoding leaves them out of predictions. Values:
 * {@code rmse} and {@code mae} over the steps both sequences have.
 */
public record SequenceOutputMetrics(boolean tokens, long rows, Map<String, Object> values) implements TestMetrics {

    public static SequenceOutputMetrics evaluate(Dataset<Row> scored, String labelColumn, String predictionColumn) {
        boolean tokens = !(((ArrayType) scored.schema().apply(labelColumn).dataType()).elementType()
                instanceof FractionalType);
        String y = tokens ? "filter(transform(`" + labelColumn + "`, x -> cast(x AS INT)), x -> x NOT IN (2, 3))"
                : "`" + labelColumn + "`";
        String p = tokens ? "transform(`" + predictionColumn + "`, x -> cast(x AS INT))" : "`" + predictionColumn + "`";
        Row r = scored.selectExpr(y + " AS y", p + " AS p").selectExpr(
                        "count(*) AS rows",
                        "avg(IF(y = p, 1D, 0D)) AS exactMatch",
                        "sum(aggregate(zip_with(y, slice(p, 1, size(y)), (a, b) -> IF(a = b, 1, 0)), 0,"
                                + " (s, h) -> s + coalesce(h, 0))) / sum(size(y)) AS tokenAccuracy",
                        "avg(size(p)) AS meanOutputLength",
                        "sqrt(sum(aggregate(zip_with(y, p, (a, b) -> (a - b) * (a - b)), 0D,"
                                + " (s, e) -> s + coalesce(e, 0D))) / sum(least(size(y), size(p)))) AS rmse",
                        "sum(aggregate(zip_with(y, p, (a, b) -> abs(a - b)), 0D, (s, e) -> s + coalesce(e, 0D)))"
                                + " / sum(least(size(y), size(p))) AS mae")
                .first();
        Map<String, Object> values = new LinkedHashMap<>();
        if (tokens) {
            values.put("exactMatch", r.getDouble(1));
            values.put("tokenAccuracy", ((Number) r.get(2)).doubleValue());
            values.put("meanOutputLength", r.getDouble(3));
        } else {
            values.put("rmse", r.getDouble(4));
            values.put("mae", r.getDouble(5));
        }
        return new SequenceOutputMetrics(tokens, r.getLong(0), values);
    }

    @Override
    public Map<String, Object> toJson() {
        return values;
    }

    @Override
    public List<String> summaryLines() {
        return values.entrySet().stream().map(e -> String.format(Locale.ROOT, "%-17s %.4f", e.getKey(),
                ((Number) e.getValue()).doubleValue())).toList();
    }
}
