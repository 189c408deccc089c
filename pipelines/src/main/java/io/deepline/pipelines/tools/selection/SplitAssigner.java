package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Gives every row an exact split index, at cluster scale and without collecting rows.
 *
 * <p>How: each row gets a seeded 128-bit key hashed from its content (two {@code xxhash64}s), which orders
 * the rows of each stratum (a class of the stratify column, or the whole data) in a random permutation. A
 * row's rank in that permutation decides its split through {@link SplitFractions#boundaries(long)}, so each
 * split's count per stratum is within ±1 row of fraction × stratum size. A window over a whole class would
 * run in one task, so each stratum is cut into {@link #BUCKETS} hash buckets that rank in parallel
 * ({@code row_number} over partitionBy(stratum, bucket)); one groupBy gives the bucket sizes, and the driver
 * lays the buckets of a stratum end to end (bucket order) to turn a rank within a bucket into a rank within
 * the stratum. That small plan (strata × buckets rows) joins back as a broadcast.
 *
 * <p>Why content hashes, not {@code rand(seed)}: the key, and so the split, is the same however the input is
 * partitioned and however often Spark recomputes it (each split, each CrossValidator fold is a separate job).
 * Identical rows share a key; they are interchangeable, so which copy goes where does not change any split.
 * Map-typed columns cannot be hashed by Spark and do not take part in the key.
 */
final class SplitAssigner {
    /** Buckets per stratum. Part of the permutation: changing it changes which rows go where, so it is fixed. */
    static final int BUCKETS = 64;
    /** More (stratum, bucket) groups than this means the stratify column is not a class column. */
    static final int MAX_GROUPS = 200_000;
    /**
     * Rows per partition of the assigned data. The ranking window is a SQL shuffle, which would otherwise leave
     * {@code spark.sql.shuffle.partitions} (200) partitions in every split and fold (a persisted plan keeps them:
     * AQE does not coalesce a cached plan's final stage), so each job over 150 rows ran 200 nearly empty tasks.
     */
    static final long ROWS_PER_PARTITION = 10_000;

    private static final String PREFIX = "__deepline_split_";
    private static final String KEY = PREFIX + "key";
    private static final String TIE = PREFIX + "tie";
    private static final String BUCKET = PREFIX + "bucket";
    private static final String STRATUM = PREFIX + "stratum";
    private static final String RANK = PREFIX + "rank";
    private static final String OFFSET = PREFIX + "offset";
    private static final String BOUND = PREFIX + "bound_";

    /** The input's columns plus the int split index column, and the exact row count of each split. */
    record Assignment(Dataset<Row> data, long[] counts) {
    }

    private SplitAssigner() {
    }

    /**
     * @param stratifyCol a class column to split each class by the fractions, or null to split the whole data
     * @param indexCol    the new int column: the split's position in {@code fractions} (0-based)
     */
    static Assignment assign(Dataset<Row> data, SplitFractions fractions, long seed, String stratifyCol,
                             String indexCol) {
        StructType schema = data.schema();
        SchemaChecks.requireAbsent(schema, indexCol, "the split index column name");
        for (String field : schema.fieldNames()) {
            if (field.startsWith(PREFIX)) {
                throw new IllegalArgumentException("the column '" + field + "' uses the reserved prefix '" + PREFIX
                        + "' of the splitter's own columns; rename it");
            }
        }
        Column stratum = stratifyCol == null ? functions.lit(0) : functions.col(quoted(stratifyCol));
        if (stratifyCol != null) {
            requireClassColumn(schema, stratifyCol);
        }
        Column[] content = hashableColumns(schema);
        Dataset<Row> keyed = data
                .withColumn(KEY, functions.xxhash64(prepend(functions.lit(seed), content)))
                .withColumn(TIE, functions.xxhash64(prepend(functions.lit(~seed), content)))
                .withColumn(BUCKET, functions.pmod(functions.col(KEY), functions.lit(BUCKETS)).cast("int"))
                .withColumn(STRATUM, stratum);

        List<Row> groups = keyed.groupBy(STRATUM, BUCKET).count().limit(MAX_GROUPS + 1).collectAsList();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("there are no rows to split; the input DataFrame is empty");
        }
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("the stratify column '" + stratifyCol + "' has too many distinct"
                    + " values to be a class column; stratify by a label with few classes, or split unstratified");
        }
        Map<Object, TreeMap<Integer, Long>> buckets = new LinkedHashMap<>();
        for (Row g : groups) {
            if (g.isNullAt(0)) {
                throw new IllegalArgumentException("the stratify column '" + stratifyCol + "' has null values;"
                        + " drop or fill those rows before splitting");
            }
            buckets.computeIfAbsent(g.get(0), s -> new TreeMap<>()).put(g.getInt(1), g.getLong(2));
        }

        int splits = fractions.size();
        long[] counts = new long[splits];
        List<Row> plan = new ArrayList<>();
        for (Map.Entry<Object, TreeMap<Integer, Long>> s : buckets.entrySet()) {
            long n = s.getValue().values().stream().mapToLong(Long::longValue).sum();
            long[] b = fractions.boundaries(n);
            for (int j = 0; j < splits; j++) {
                counts[j] += b[j + 1] - b[j];
            }
            long offset = 0;
            for (Map.Entry<Integer, Long> bucket : s.getValue().entrySet()) {
                Object[] values = new Object[3 + splits - 1];
                values[0] = s.getKey();
                values[1] = bucket.getKey();
                values[2] = offset;
                for (int j = 1; j < splits; j++) {
                    values[2 + j] = b[j];
                }
                plan.add(RowFactory.create(values));
                offset += bucket.getValue();
            }
        }
        requireNoEmptySplit(fractions, counts, stratifyCol);

        StructType planSchema = new StructType()
                .add(STRATUM, keyed.schema().apply(STRATUM).dataType(), false)
                .add(BUCKET, DataTypes.IntegerType, false)
                .add(OFFSET, DataTypes.LongType, false);
        for (int j = 1; j < splits; j++) {
            planSchema = planSchema.add(BOUND + j, DataTypes.LongType, false);
        }
        Dataset<Row> planFrame = data.sparkSession().createDataFrame(plan, planSchema);

        // position = rank within the stratum (0-based); split j holds positions [b_j, b_{j+1}).
        Column position = functions.col(OFFSET).plus(functions.col(RANK)).minus(1);
        Column index = functions.lit(splits - 1);
        for (int j = splits - 1; j >= 1; j--) {
            index = functions.when(position.lt(functions.col(BOUND + j)), j - 1).otherwise(index);
        }
        Column[] output = Arrays.stream(schema.fieldNames()).map(c -> functions.col(quoted(c))).toArray(Column[]::new);
        // Hash-partitioned by (stratum, bucket), which the window needs anyway, so this adds no shuffle; and unlike a
        // coalesce the layout depends on the rows alone, not on where map outputs live, so runs stay identical.
        Dataset<Row> assigned = keyed
                .repartition(partitions(data, total(counts)), functions.col(STRATUM), functions.col(BUCKET))
                .withColumn(RANK, functions.row_number().over(
                        Window.partitionBy(STRATUM, BUCKET).orderBy(KEY, TIE)))
                .join(functions.broadcast(planFrame),
                        new String[] {STRATUM, BUCKET})
                .select(append(output, index.as(indexCol)));
        return new Assignment(assigned, counts);
    }

    /**
     * Partitions for {@code rows} rows: one per {@link #ROWS_PER_PARTITION}, at least 1 and at most
     * {@code spark.sql.shuffle.partitions}, so small data sits in few partitions and large data keeps Spark's
     * setting.
     */
    static int partitions(Dataset<Row> data, long rows) {
        int configured = Integer.parseInt(data.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        long wanted = (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
        return (int) Math.max(1, Math.min(configured, wanted));
    }

    private static long total(long[] counts) {
        return Arrays.stream(counts).sum();
    }

    private static void requireNoEmptySplit(SplitFractions fractions, long[] counts, String stratifyCol) {
        long total = Arrays.stream(counts).sum();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] == 0) {
                throw new IllegalArgumentException("split '" + fractions.names().get(j) + "' would be empty: its"
                        + " fraction " + fractions.fractions()[j] + " of " + total + " rows"
                        + (stratifyCol == null ? "" : " (per class of '" + stratifyCol + "')")
                        + " rounds to 0 rows; raise that fraction, use fewer splits, or split more data");
            }
        }
    }

    private static void requireClassColumn(StructType schema, String column) {
        DataType type = SchemaChecks.requireColumn(schema, column, "stratify", "stratifiedBy");
        if (!(type instanceof NumericType || type instanceof StringType || type instanceof BooleanType)) {
            throw new IllegalArgumentException("the stratify column '" + column + "' must hold class labels"
                    + " (numeric, string or boolean) but is " + type.catalogString()
                    + "; stratify by the label column");
        }
    }

    /** Every column Spark can hash: all but those containing a map. */
    private static Column[] hashableColumns(StructType schema) {
        List<Column> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!containsMap(f.dataType())) {
                columns.add(functions.col(quoted(f.name())));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("every column of " + Arrays.toString(schema.fieldNames())
                    + " is a map, which Spark cannot hash into a split key; add an id or feature column");
        }
        return columns.toArray(new Column[0]);
    }

    private static boolean containsMap(DataType type) {
        if (type instanceof MapType) {
            return true;
        }
        if (type instanceof ArrayType a) {
            return containsMap(a.elementType());
        }
        if (type instanceof StructType s) {
            return Arrays.stream(s.fields()).anyMatch(f -> containsMap(f.dataType()));
        }
        return false;
    }

    /** A column reference that takes the name literally (dots and backquotes included). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static Column[] prepend(Column first, Column[] rest) {
        Column[] all = new Column[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Column[] append(Column[] first, Column last) {
        Column[] all = Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }
}
