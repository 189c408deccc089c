package io.deepline.jobs.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows a job trains and tests on, after a check for nulls in the columns it uses ({@code data.dropNulls}).
 *
 * <p>A null would otherwise fail deep inside a stage (VectorAssembler, a model's data profile) or, for a
 * categorical column, be indexed as an unseen category. So the job counts the nulls of every used column in one
 * aggregation and either refuses the data, naming each column and its count, or drops exactly the rows with a null
 * in a used column, counted and logged: no row is lost silently, and a row whose used columns are all present is
 * never dropped (nulls in columns the job does not use do not matter).
 *
 * <p>A {@code data.text} column is not checked: a null text is an empty text by design ({@link TextStages}; CSV
 * reads an empty field as null, so the two cannot be told apart).
 *
 * @param kept    the rows to use: all of them, or those without a null in a checked column
 * @param dropped how many rows were dropped; 0 unless {@code data.dropNulls} is true
 */
public record NullRows(Dataset<Row> kept, long dropped) {

    private static final Logger LOG = LoggerFactory.getLogger(NullRows.class);

    /**
     * Checks {@code data}'s used columns for nulls (one Spark job, no rows collected).
     *
     * @param dropNulls drop rows with a null in a checked column rather than refusing the data
     * @throws JobConfigException naming every checked column with nulls and its count, if there are nulls and
     *                            {@code dropNulls} is false
     */
    public static NullRows check(Dataset<Row> data, InputSchema input, boolean dropNulls) {
        List<String> columns = checkedColumns(input);
        if (columns.isEmpty()) {
            return new NullRows(data, 0);
        }
        Column anyNull = anyOf(columns.stream().map(c -> column(c).isNull()).toList());
        List<Column> counts = new ArrayList<>();
        for (String c : columns) {
            counts.add(count(when(column(c).isNull(), 1))); // count() skips the nulls when() gives other rows
        }
        counts.add(count(when(anyNull, 1)));
        counts.add(count(lit(1)));
        Row totals = data.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();

        Map<String, Long> nullsPerColumn = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (totals.getLong(i) > 0) {
                nullsPerColumn.put(columns.get(i), totals.getLong(i));
            }
        }
        long rowsWithNulls = totals.getLong(columns.size());
        long rows = totals.getLong(columns.size() + 1);
        if (rowsWithNulls == 0) {
            return new NullRows(data, 0);
        }
        String where = describe(nullsPerColumn) + " (" + rowsWithNulls + " of " + rows + " rows have a null in a"
                + " column the job uses)";
        if (!dropNulls) {
            throw new JobConfigException("data.path", "the data has nulls: " + where, "Set data.dropNulls: true to"
                    + " drop those rows, or fill the nulls before the job (CSV reads an empty field as null)");
        }
        LOG.warn("data.dropNulls: dropping {} of {} rows with a null in a column the job uses: {}", rowsWithNulls,
                rows, describe(nullsPerColumn));
        return new NullRows(data.filter(not(anyNull)), rowsWithNulls);
    }

    /**
     * The OR of {@code conditions} as a balanced tree. A left-deep chain over MNIST's 785 columns nested 785
     * expressions deep and overflowed the driver's stack while Spark planned the query; balanced, it nests 10 deep.
     */
    static Column anyOf(List<Column> conditions) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        int half = conditions.size() / 2;
        return anyOf(conditions.subList(0, half)).or(anyOf(conditions.subList(half, conditions.size())));
    }

    /** The label (if any) and the input columns, except a text column (see the class comment). */
    static List<String> checkedColumns(InputSchema input) {
        List<String> columns = new ArrayList<>(input.usedColumns());
        if (input.kind() == InputKind.TEXT) {
            columns.remove(input.inputColumn());
        }
        return columns;
    }

    private static String describe(Map<String, Long> nullsPerColumn) {
        List<String> parts = new ArrayList<>();
        nullsPerColumn.forEach((column, n) -> parts.add(String.format(Locale.ROOT, "column '%s' has %d null%s",
                column, n, n == 1 ? "" : "s")));
        return String.join(", ", parts);
    }

    /** A column by its exact name: quoted, so that a dot in the name is not read as a struct field. */
    static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
