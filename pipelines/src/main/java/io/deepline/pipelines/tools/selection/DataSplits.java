package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;

/**
 * Train/validation/test splits (course §3.1.1), or any named, ordered splits, as DataFrames.
 *
 * <pre>{@code
 * Splits s = DataSplits.trainValidationTest(0.7, 0.15, 0.15).withSeed(7).stratifiedBy("label").split(df);
 * Dataset<Row> train = s.get("train");
 * Splits given = DataSplits.fromColumn("split", "train", "test").split(df);   // the data names each row's split
 * Dataset<Row> folded = DataSplits.folds(5).withSeed(7).withSplitIndex(df, "fold");  // for CrossValidator.setFoldCol
 * }</pre>
 *
 * <p>Fraction splits are exact, not approximate as {@code randomSplit} and {@code sampleBy} are: of n rows,
 * split j gets round(n·F_j) − round(n·F_{j−1}) rows (F the cumulative fractions), within ±1 row of its fraction.
 * Stratified, that holds for every class of the label column. Plain splits use the same exact scheme over the
 * whole data rather than {@code randomSplit}: randomSplit draws each row's split independently, so its counts
 * are binomial (a 10% test split of 150 rows has a standard deviation of √(150·0.1·0.9) ≈ 3.7 rows), and its
 * result depends on the input's partitioning, while here
 * the same seed gives the same rows however the input is partitioned (see {@link SplitAssigner}).
 * An empty split is an error. Rows are never collected: one groupBy aggregate plans the split.
 */
public final class DataSplits {
    /** The seed when none is given, so that splits are reproducible by default. */
    public static final long DEFAULT_SEED = 42L;

    private final SplitFractions fractions;
    private final String splitCol;
    private final List<String> columnNames;
    private final long seed;
    private final String stratifyCol;

    private DataSplits(SplitFractions fractions, String splitCol, List<String> columnNames, long seed,
                       String stratifyCol) {
        this.fractions = fractions;
        this.splitCol = splitCol;
        this.columnNames = columnNames;
        this.seed = seed;
        this.stratifyCol = stratifyCol;
    }

    /** Splits named {@code names} (in order) with {@code fractions}, each in (0, 1), summing to 1. */
    public static DataSplits fractions(List<String> names, double... fractions) {
        return new DataSplits(new SplitFractions(names, fractions), null, null, DEFAULT_SEED, null);
    }

    /** The course's three splits, named train, validation and test. */
    public static DataSplits trainValidationTest(double train, double validation, double test) {
        return fractions(List.of("train", "validation", "test"), train, validation, test);
    }

    /** {@code k} equal folds, fold_1 … fold_k (course Fig. 7). */
    public static DataSplits folds(int k) {
        return new DataSplits(SplitFractions.folds(k), null, null, DEFAULT_SEED, null);
    }

    /** Splits that an existing string column names row by row; every row must name one of {@code names}. */
    public static DataSplits fromColumn(String splitCol, String... names) {
        if (splitCol == null || splitCol.isEmpty()) {
            throw new IllegalArgumentException("the split column name is empty; name the string column that holds"
                    + " each row's split");
        }
        Set<String> distinct = new HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank() || !distinct.add(n)) {
                throw new IllegalArgumentException("split names must be distinct and non-blank, got "
                        + java.util.Arrays.toString(names));
            }
        }
        if (names.length == 0) {
            throw new IllegalArgumentException("name the splits that column '" + splitCol + "' holds, e.g."
                    + " fromColumn(\"" + splitCol + "\", \"train\", \"test\")");
        }
        return new DataSplits(null, splitCol, List.of(names), DEFAULT_SEED, null);
    }

    /** The same seed and data give the same splits. */
    public DataSplits withSeed(long value) {
        requireFractionMode("a seed");
        return new DataSplits(fractions, null, null, value, stratifyCol);
    }

    /** Splits every class of {@code labelCol} by the fractions (exact to ±1 row per class and split). */
    public DataSplits stratifiedBy(String labelCol) {
        requireFractionMode("stratification");
        return new DataSplits(fractions, null, null, seed, Objects.requireNonNull(labelCol, "labelCol"));
    }

    public Splits split(Dataset<Row> data) {
        return fractions != null ? splitByFractions(data) : splitByColumn(data);
    }

    /**
     * The input plus an int column {@code indexCol}: each row's split as its 0-based position in the split order.
     * With {@link #folds(int)} this is a fold column for MLlib's {@code CrossValidator.setFoldCol}.
     */
    public Dataset<Row> withSplitIndex(Dataset<?> data, String indexCol) {
        requireFractionMode("a split index column");
        return SplitAssigner.assign(data.toDF(), fractions, seed, stratifyCol, indexCol).data();
    }

    private Splits splitByFractions(Dataset<Row> data) {
        String indexCol = "__deepline_split_index";
        SplitAssigner.Assignment a = SplitAssigner.assign(data, fractions, seed, stratifyCol, indexCol);
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int j = 0; j < fractions.size(); j++) {
            String name = fractions.names().get(j);
            frames.put(name, a.data().filter(functions.col(indexCol).equalTo(j)).drop(indexCol));
            counts.put(name, a.counts()[j]);
        }
        return new Splits(a.data(), frames, counts);
    }

    private Splits splitByColumn(Dataset<Row> data) {
        DataType type = SchemaChecks.requireColumn(data.schema(), splitCol, "split", "fromColumn");
        if (!(type instanceof StringType)) {
            throw new IllegalArgumentException("the split column '" + splitCol + "' must be a string naming each"
                    + " row's split " + columnNames + " but is " + type.catalogString());
        }
        Map<String, Long> found = SplitColumnValues.count(data, splitCol);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("there are no rows to split; the input DataFrame is empty");
        }
        SplitColumnValues.requireOnly(found, splitCol, columnNames);
        Column split = functions.col(SplitAssigner.quoted(splitCol));
        Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : columnNames) {
            frames.put(name, data.filter(split.equalTo(name)));
            counts.put(name, found.get(name));
        }
        return new Splits(data, frames, counts);
    }

    private void requireFractionMode(String what) {
        if (fractions == null) {
            throw new IllegalStateException(what + " applies to fraction splits; the column '" + splitCol
                    + "' already assigns every row to its split");
        }
    }

    @Override
    public String toString() {
        return fractions != null
                ? "DataSplits" + fractions + " seed " + seed + (stratifyCol == null ? "" : " stratified by " + stratifyCol)
                : "DataSplits from column " + splitCol + " " + columnNames;
    }
}
