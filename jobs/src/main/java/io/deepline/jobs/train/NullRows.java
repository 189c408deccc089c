package io.deepline.jobs.train;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PreprocessSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows a job trains and tests on, after one pass over the columns it uses: missing values (null, and NaN in a
 * floating-point column) are refused or dropped ({@code data.dropNulls}), infinite values refused, and values too
 * large for the feature preprocessing refused ({@link LargeValues}).
 *
 * <p>A null or NaN would otherwise fail deep inside a stage (VectorAssembler's {@code handleInvalid}, a model's
 * data profile) or, for a categorical column, be indexed as an unseen category; an infinity would pass the
 * assembler and come out of the scaler as NaN in an internal column. So the job counts them per used column in one
 * aggregation and either refuses the data, naming each column, its counts and its job-file key, or drops exactly
 * the rows with a missing value in a used column, counted and logged: no row is lost silently, and a row whose used
 * columns are all present is never dropped (what columns the job does not use hold does not matter). NaN counts as
 * missing, as in Spark's own {@code na.drop}; an infinity is not missing but wrong, so it is never dropped.
 *
 * <p>A {@code data.text} column is not checked: a null text is an empty text by design ({@link TextStages}; CSV
 * reads an empty field as null, so the two cannot be told apart).
 *
 * @param kept     the rows to use: all of them, or those without a missing value in a checked column
 * @param dropped  how many rows were dropped; 0 unless {@code data.dropNulls} is true
 * @param keptRows how many rows {@code kept} holds
 * @param counted  how many kept rows meet each of the caller's conditions, in their order (see
 *                 {@link #check(Dataset, InputSchema, boolean, PreprocessSection, List)})
 */
public record NullRows(Dataset<Row> kept, long dropped, long keptRows, List<Long> counted) {

    private static final Logger LOG = LoggerFactory.getLogger(NullRows.class);

    /** {@link #check(Dataset, InputSchema, boolean, PreprocessSection)} without feature preprocessing. */
    public static NullRows check(Dataset<Row> data, InputSchema input, boolean dropNulls) {
        return check(data, input, dropNulls, PreprocessSection.DEFAULT);
    }

    /**
     * Checks {@code data}'s used columns: one Spark job, no rows collected; a second one, per floating-point column,
     * only to describe a problem the first found.
     *
     * @param dropNulls  drop rows with a null or NaN in a checked column rather than refusing the data
     * @param preprocess the feature preprocessing, which decides how large a value may be ({@link LargeValues})
     * @throws JobConfigException naming the key and every checked column with missing values (if
     *                            {@code dropNulls} is false) or infinite ones, with their counts; or a column whose
     *                            values are too large
     */
    public static NullRows check(Dataset<Row> data, InputSchema input, boolean dropNulls,
                                 PreprocessSection preprocess) {
        return check(data, input, dropNulls, preprocess, List.of());
    }

    /**
     * As {@link #check(Dataset, InputSchema, boolean, PreprocessSection)}, and counts in the same pass the kept rows
     * that meet each of {@code conditions} (a row with a missing value is never counted): a caller's own counts,
     * such as the split's, then need no pass over the data of their own.
     */
    public static NullRows check(Dataset<Row> data, InputSchema input, boolean dropNulls,
                                 PreprocessSection preprocess, List<Column> conditions) {
        List<String> columns = checkedColumns(input);
        if (columns.isEmpty()) {
            List<Column> counts = new ArrayList<>();
            counts.add(count(lit(1)));
            conditions.forEach(c -> counts.add(count(when(c, 1))));
            Row totals = aggregate(data, counts);
            return new NullRows(data, 0, totals.getLong(0), counted(totals, 1, conditions.size()));
        }
        List<String> floating = floatingColumns(data.schema(), input, columns);
        List<Column> missing = columns.stream().map(c -> floating.contains(c)
                ? column(c).isNull().or(isnan(column(c))) : column(c).isNull()).toList();
        Column anyMissing = anyOf(missing);
        List<Column> counts = new ArrayList<>();
        missing.forEach(m -> counts.add(count(when(m, 1)))); // count() skips the nulls when() gives other rows
        counts.add(count(when(anyMissing, 1)));
        counts.add(count(lit(1)));
        // One aggregate for all the columns' magnitudes, so a wide table (MNIST's 784 pixels) adds one, not 784;
        // the per-column passes below run only when a value is too large or infinite.
        counts.add(floating.isEmpty() ? lit(0.0) : max(when(not(anyMissing), largestMagnitude(floating))));
        int firstCondition = counts.size();
        conditions.forEach(c -> counts.add(count(when(not(anyMissing).and(c), 1))));
        LOG.info("Checking every row's {} used columns for nulls, NaN and outsized values", columns.size());
        long checking = System.nanoTime();
        Row totals = aggregate(data, counts);

        Map<String, Long> missingPerColumn = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            putIfPositive(missingPerColumn, columns.get(i), totals.getLong(i));
        }
        long rowsWithMissing = totals.getLong(columns.size());
        long rows = totals.getLong(columns.size() + 1);
        LOG.info(String.format(Locale.ROOT, "Checked %d rows in %.1f s: %d with a null or NaN", rows,
                (System.nanoTime() - checking) / 1e9, rowsWithMissing));
        double largest = totals.isNullAt(columns.size() + 2) ? 0
                : ((Number) totals.get(columns.size() + 2)).doubleValue();
        if (rowsWithMissing > 0 && !dropNulls) {
            Map<String, Long> nanPerColumn = countPerColumn(data, floating, c -> isnan(column(c)));
            String first = missingPerColumn.keySet().iterator().next();
            throw new JobConfigException(JobColumns.keyOf(first, input), "the data has "
                    + (nanPerColumn.isEmpty() ? "nulls" : "missing values") + ": " + describeMissing(missingPerColumn,
                    nanPerColumn) + " (" + rowsWithMissing + " of " + rows + " rows have a null or NaN in a column"
                    + " the job uses)", "Set data.dropNulls: true to drop those rows, or fill them in before the job"
                    + " (CSV reads an empty field as null, and the text NaN as NaN)");
        }
        Dataset<Row> kept = rowsWithMissing == 0 ? data : data.filter(not(anyMissing));
        if (largest > LargeValues.largestAllowed(rows - rowsWithMissing, preprocess)) {
            requireFinite(kept, floating, input);
            LargeValues.require(largestPerColumn(kept, floating, input), rows - rowsWithMissing, input, preprocess);
        }
        List<Long> counted = counted(totals, firstCondition, conditions.size());
        if (rowsWithMissing == 0) {
            return new NullRows(data, 0, rows, counted);
        }
        LOG.warn("data.dropNulls: dropping {} of {} rows with a null or NaN in a column the job uses: {}",
                rowsWithMissing, rows, describe(missingPerColumn, "null or NaN value"));
        return new NullRows(kept, rowsWithMissing, rows - rowsWithMissing, counted);
    }

    private static List<Long> counted(Row totals, int first, int n) {
        List<Long> counted = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            counted.add(totals.getLong(i));
        }
        return List.copyOf(counted);
    }

    /** The largest |x| of a row's floating-point columns; infinite if one is. */
    private static Column largestMagnitude(List<String> floating) {
        List<Column> magnitudes = floating.stream().map(c -> abs(column(c))).toList();
        return magnitudes.size() == 1 ? magnitudes.get(0) : greatest(magnitudes.toArray(Column[]::new));
    }

    /** An infinity is not missing but wrong: refused even with data.dropNulls. */
    private static void requireFinite(Dataset<Row> kept, List<String> floating, InputSchema input) {
        Map<String, Long> infinite = countPerColumn(kept, floating,
                c -> abs(column(c)).equalTo(Double.POSITIVE_INFINITY));
        if (!infinite.isEmpty()) {
            String first = infinite.keySet().iterator().next();
            throw new JobConfigException(JobColumns.keyOf(first, input), "the data has infinite values: "
                    + describe(infinite, "infinite value"), "A network cannot learn from an infinite number: replace"
                    + " or remove those values before the job (data.dropNulls drops only missing values, null and"
                    + " NaN)");
        }
    }

    /** The largest |x| of each floating-point feature column (not the label), of rows without missing values. */
    private static Map<String, Double> largestPerColumn(Dataset<Row> kept, List<String> floating,
                                                        InputSchema input) {
        List<String> features = floating.stream().filter(c -> !c.equals(input.label())).toList();
        Map<String, Double> largest = new LinkedHashMap<>();
        if (features.isEmpty()) {
            return largest;
        }
        List<Column> maxima = features.stream().map(c -> max(abs(column(c)))).toList();
        Row row = aggregate(kept, maxima);
        for (int i = 0; i < features.size(); i++) {
            if (!row.isNullAt(i)) {
                largest.put(features.get(i), ((Number) row.get(i)).doubleValue());
            }
        }
        return largest;
    }

    /** How many rows of each column meet {@code condition}; only the columns with some. */
    private static Map<String, Long> countPerColumn(Dataset<Row> data, List<String> columns,
                                                    Function<String, Column> condition) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return counts;
        }
        List<Column> aggregates = columns.stream().map(c -> count(when(condition.apply(c), 1))).toList();
        Row row = aggregate(data, aggregates);
        for (int i = 0; i < columns.size(); i++) {
            putIfPositive(counts, columns.get(i), row.getLong(i));
        }
        return counts;
    }

    /** One Spark job computing {@code aggregates} (at least one) over {@code data}: their values, in order. */
    private static Row aggregate(Dataset<Row> data, List<Column> aggregates) {
        return data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
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

    /** The label and the non-categorical features of a floating-point type: those that can hold NaN. */
    private static List<String> floatingColumns(StructType schema, InputSchema input, List<String> columns) {
        return columns.stream().filter(c -> !input.isCategorical(c)).filter(c -> {
            DataType type = schema.apply(c).dataType();
            return type instanceof DoubleType || type instanceof FloatType;
        }).toList();
    }

    private static void putIfPositive(Map<String, Long> counts, String column, long n) {
        if (n > 0) {
            counts.put(column, n);
        }
    }

    /** "column 'x' has 4 nulls and 2 NaN values": a column's missing values are its nulls plus its NaNs. */
    private static String describeMissing(Map<String, Long> missingPerColumn, Map<String, Long> nanPerColumn) {
        List<String> parts = new ArrayList<>();
        missingPerColumn.forEach((column, n) -> {
            long nans = nanPerColumn.getOrDefault(column, 0L);
            List<String> kinds = new ArrayList<>();
            if (n > nans) {
                kinds.add(plural(n - nans, "null"));
            }
            if (nans > 0) {
                kinds.add(plural(nans, "NaN value"));
            }
            parts.add("column '" + column + "' has " + String.join(" and ", kinds));
        });
        return String.join(", ", parts);
    }

    private static String describe(Map<String, Long> perColumn, String what) {
        List<String> parts = new ArrayList<>();
        perColumn.forEach((column, n) -> parts.add("column '" + column + "' has " + plural(n, what)));
        return String.join(", ", parts);
    }

    private static String plural(long n, String what) {
        return String.format(Locale.ROOT, "%d %s%s", n, what, n == 1 ? "" : "s");
    }

    /** A column by its exact name: quoted, so that a dot in the name is not read as a struct field. */
    static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
