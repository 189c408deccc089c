package io.deepline.jobs.train;

import static io.deepline.jobs.train.NullRows.column;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.SplitSection;
import io.deepline.jobs.config.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Which rows of a job's data are held out to test on, and for {@code retrain} to compare the champion and the
 * challenger on: the rows {@code split.holdoutColumn} marks true, or else the rows whose seeded hash falls below
 * {@code split.test}.
 *
 * <p>Why a hash of the row and not {@code randomSplit}: randomSplit draws a row's split from its position among the
 * rows read that day, so when the data grows, rows the champion trained on land in the next retrain's holdout and
 * flatter the champion. The hash of a row's own values (the label and the input columns, numbers taken as doubles
 * so that a CSV column inferred as int one day and double the next hashes alike) gives a row the same split
 * whatever else is in the data: with the same columns, seed and fractions, the champion's training rows are never
 * in a later holdout, and its holdout rows stay in the holdout. Identical rows share a split, so a copy of a
 * training row never tests the model. Like randomSplit, the split's size is {@code test} of the rows only on
 * average. A larger {@code split.test} only adds rows to the holdout; a smaller one moves holdout rows into training.
 */
final class HoldoutRows {

    /** 2^-53: turns the top 53 bits of a 64-bit hash into a double spread evenly over [0, 1). */
    private static final double UNIT = 0x1.0p-53;

    private HoldoutRows() {
    }

    /**
     * The schema the model sees: the data's without the holdout column, once that column is checked.
     *
     * @throws JobConfigException naming {@code split.holdoutColumn} if the column is missing or not boolean
     */
    static StructType modelSchema(StructType schema, SplitSection split) {
        String holdout = split.holdoutColumn();
        if (holdout == null) {
            return schema;
        }
        List<String> available = List.of(schema.fieldNames());
        if (!available.contains(holdout)) {
            throw new JobConfigException("split.holdoutColumn", "column '" + holdout + "' is not in the data",
                    Suggestions.fix(holdout, available, "Available columns"));
        }
        DataType type = schema.apply(holdout).dataType();
        if (!(type instanceof BooleanType)) {
            throw new JobConfigException("split.holdoutColumn", "column '" + holdout + "' has type "
                    + type.simpleString() + ", not boolean", "Give a column of true (a held-out row) and false"
                    + " (a training row); in a CSV with inferSchema, write them as true and false");
        }
        return new StructType(Arrays.stream(schema.fields()).filter(f -> !f.name().equals(holdout))
                .toArray(StructField[]::new));
    }

    /**
     * What the null check counts for the split in its own pass ({@link NullRows#counted()}): the test rows, and with
     * {@code split.holdoutColumn} also the rows where that column is null. {@link #split} reads the counts back.
     */
    static List<Column> counted(StructType schema, SplitSection split, InputSchema input) {
        String holdout = split.holdoutColumn();
        return holdout == null ? List.of(testRow(schema, split, input))
                : List.of(testRow(schema, split, input), column(holdout).isNull());
    }

    /**
     * Splits the job's rows (after the null check) into {training rows, test rows}; the holdout column, if any, is
     * dropped from both.
     *
     * @param nulls the null check, run with {@link #counted} as its conditions
     * @throws JobConfigException naming {@code split.holdoutColumn} if it has nulls
     */
    static Parts split(NullRows nulls, SplitSection split, InputSchema input) {
        Dataset<Row> rows = nulls.kept();
        long testRows = nulls.counted().get(0);
        Column test = testRow(rows.schema(), split, input);
        String holdout = split.holdoutColumn();
        if (holdout == null) {
            return new Parts(rows.filter(not(test)), rows.filter(test), nulls.keptRows() - testRows, testRows);
        }
        long holdoutNulls = nulls.counted().get(1);
        if (holdoutNulls > 0) {
            throw new JobConfigException("split.holdoutColumn", "column '" + holdout + "' has " + holdoutNulls
                    + " null" + (holdoutNulls == 1 ? "" : "s") + "; every row must be true (held out) or false"
                    + " (trained on)", "Fill the column for every row (CSV reads an empty field as null)");
        }
        return new Parts(rows.filter(not(test)).drop(holdout), rows.filter(test).drop(holdout),
                nulls.keptRows() - testRows, testRows);
    }

    /** The training and test rows, and how many each holds. */
    record Parts(Dataset<Row> train, Dataset<Row> test, long trainRows, long testRows) {
    }

    /** True for a test row: the holdout column's value, or a seeded draw below {@code split.test}. */
    private static Column testRow(StructType schema, SplitSection split, InputSchema input) {
        String holdout = split.holdoutColumn();
        return holdout != null ? column(holdout) : draw(schema, input.usedColumns(), split.seed()).lt(split.test());
    }

    /** A number in [0, 1) that depends only on the values of {@code columns} in the row and on {@code seed}. */
    static Column draw(StructType schema, List<String> columns, long seed) {
        List<Column> content = new ArrayList<>();
        content.add(lit(seed));
        for (String name : columns) {
            boolean number = schema.apply(name).dataType() instanceof NumericType;
            content.add(number ? column(name).cast(DataTypes.DoubleType) : column(name));
        }
        return shiftrightunsigned(xxhash64(content.toArray(Column[]::new)), 11).cast(DataTypes.DoubleType)
                .multiply(UNIT);
    }
}
