package io.deepline.pipelines.tools.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** The values of a split column with their row counts (one groupBy), checked against the expected names. */
final class SplitColumnValues {
    /** At most this many distinct values are fetched; more cannot be a split column. */
    static final int MAX_LISTED = 100;

    private SplitColumnValues() {
    }

    /** value (null as the key null) → rows; at most {@link #MAX_LISTED} + 1 entries. */
    static Map<String, Long> count(Dataset<Row> data, String splitCol) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (Row r : data.groupBy(functions.col(SplitAssigner.quoted(splitCol))).count()
                .orderBy(functions.col("count").desc()).limit(MAX_LISTED + 1).collectAsList()) {
            found.put(r.isNullAt(0) ? null : r.getString(0), r.getLong(1));
        }
        return found;
    }

    /** Fails on a null or unknown value, or on an expected name no row carries. */
    static void requireOnly(Map<String, Long> found, String splitCol, List<String> names) {
        String listing = found.size() > MAX_LISTED ? "more than " + MAX_LISTED + " distinct values, e.g. " + found
                : "found (value=rows) " + found;
        if (found.containsKey(null)) {
            throw new IllegalArgumentException("the split column '" + splitCol + "' is null in " + found.get(null)
                    + " rows; every row must name one of " + names + ". " + listing);
        }
        for (String value : found.keySet()) {
            if (!names.contains(value)) {
                throw new IllegalArgumentException("the split column '" + splitCol + "' holds '" + value
                        + "', which is not one of the split names " + names + "; " + listing
                        + ". Fix the column or name all its splits");
            }
        }
        for (String name : names) {
            if (!found.containsKey(name)) {
                throw new IllegalArgumentException("split '" + name + "' is empty: no row of column '" + splitCol
                        + "' names it; " + listing + ". Drop that split name or assign rows to it");
            }
        }
    }
}
