package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exact, stratified, reproducible splits, and clear errors for bad fractions, columns and data. */
@ExtendWith(SparkSessionExtension.class)
class DataSplitsTest {

    /** Rows 0..n-1 with a skewed label: class sizes in {@code sizes}, and a feature column. */
    private static Dataset<Row> skewed(SparkSession spark, long... sizes) {
        long n = 0;
        org.apache.spark.sql.Column label = null;
        for (int c = sizes.length - 1; c >= 0; c--) {
            n += sizes[c];
        }
        long upper = 0;
        for (int c = 0; c < sizes.length; c++) {
            upper += sizes[c];
            org.apache.spark.sql.Column when = functions.col("id").lt(upper);
            label = label == null ? functions.when(when, (double) c) : label.when(when, (double) c);
        }
        return spark.range(n).withColumn("label", label)
                .withColumn("x", functions.sin(functions.col("id"))).cache();
    }

    /** All splits in one frame with a {@code split} column naming each row's split, so one query checks them. */
    private static Dataset<Row> labelled(Splits s) {
        Dataset<Row> all = null;
        for (String name : s.names()) {
            Dataset<Row> part = s.get(name).withColumn("split", functions.lit(name));
            all = all == null ? part : all.union(part);
        }
        return all;
    }

    /** split → class → rows, by one aggregation. */
    private static Map<String, Map<Double, Long>> countsBySplitAndClass(Splits s) {
        Map<String, Map<Double, Long>> counts = new HashMap<>();
        for (Row r : labelled(s).groupBy("split", "label").count().collectAsList()) {
            counts.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getDouble(1), r.getLong(2));
        }
        return counts;
    }

    @Test
    void plainSplitsAreExactDisjointAndCoverEveryRow(SparkSession spark) {
        Dataset<Row> data = skewed(spark, 997);
        double[] f = {0.6, 0.25, 0.15};
        Splits s = DataSplits.fractions(List.of("train", "validation", "test"), f).withSeed(3).split(data).persist();
        assertEquals(List.of("train", "validation", "test"), s.names());
        Map<String, Long> counted = new HashMap<>();
        Row all = labelled(s).agg(functions.count("id"), functions.countDistinct("id")).first();
        for (Row r : labelled(s).groupBy("split").count().collectAsList()) {
            counted.put(r.getString(0), r.getLong(1));
        }
        for (int j = 0; j < 3; j++) {
            String name = s.names().get(j);
            assertEquals(s.count(name), counted.get(name), "the planned count of " + name + " is what it holds");
            assertTrue(Math.abs(counted.get(name) - f[j] * 997) <= 1, name + " has " + counted.get(name)
                    + " rows, not ±1 of " + f[j] * 997);
        }
        assertEquals(997L, all.getLong(0), "the splits cover every row");
        assertEquals(997L, all.getLong(1), "no row is in two splits");
        assertEquals(List.of("id", "label", "x"), List.of(s.get("test").columns()), "no helper columns leak");
        s.unpersist();
    }

    @Test
    void stratifiedSplitsAreExactForEveryClass(SparkSession spark) {
        long[] sizes = {613, 251, 37, 6};
        Dataset<Row> data = skewed(spark, sizes);
        double[] f = {0.6, 0.2, 0.2};
        Splits s = DataSplits.trainValidationTest(f[0], f[1], f[2]).withSeed(11).stratifiedBy("label").split(data);
        Map<String, Map<Double, Long>> counts = countsBySplitAndClass(s);
        for (int j = 0; j < 3; j++) {
            for (int c = 0; c < sizes.length; c++) {
                long got = counts.get(s.names().get(j)).getOrDefault((double) c, 0L);
                assertTrue(Math.abs(got - f[j] * sizes[c]) <= 1, "class " + c + " in " + s.names().get(j) + ": "
                        + got + " rows, expected " + f[j] * sizes[c] + " ± 1");
            }
        }
        // The rows of a class are a random draw, not its first ids: class 0 spans ids 0..612.
        Row range = s.get("test").filter("label = 0").agg(functions.min("id"), functions.max("id")).first();
        assertTrue(range.getLong(0) < 100 && range.getLong(1) > 500, "test rows of class 0 span " + range);
    }

    @Test
    void theSameSeedGivesTheSameRowsHoweverTheInputIsPartitioned(SparkSession spark) {
        Dataset<Row> data = skewed(spark, 300, 200);
        DataSplits splits = DataSplits.trainValidationTest(0.5, 0.3, 0.2).withSeed(5).stratifiedBy("label");
        Dataset<Row> a = splits.withSplitIndex(data, "a");
        Dataset<Row> b = splits.withSplitIndex(data.repartition(7).orderBy(functions.rand(1)), "b").select("id", "b");
        Dataset<Row> other = splits.withSeed(6).withSplitIndex(data, "c").select("id", "c");
        Row same = a.join(b, "id").agg(functions.count("id"),
                functions.sum(functions.when(functions.col("a").equalTo(functions.col("b")), 1).otherwise(0))).first();
        assertEquals(500L, same.getLong(0));
        assertEquals(500L, same.getLong(1), "every row lands in the same split");
        long moved = a.join(other, "id").filter(functions.col("a").notEqual(functions.col("c"))).count();
        assertTrue(moved > 100, "another seed draws other rows: " + moved + " of 500 moved");
    }

    @Test
    void realDataWithVectorFeaturesSplitsPerClass(SparkSession spark) {
        Dataset<Row> wine = DataSamples.labeledVectors(spark, "wine.csv", false).cache();
        Map<Double, Long> sizes = Map.of(0.0, 59L, 1.0, 71L, 2.0, 48L);
        Splits s = DataSplits.trainValidationTest(0.6, 0.2, 0.2).stratifiedBy("label").split(wine);
        double[] f = {0.6, 0.2, 0.2};
        Map<String, Map<Double, Long>> counts = countsBySplitAndClass(s);
        for (int j = 0; j < 3; j++) {
            for (Map.Entry<Double, Long> c : sizes.entrySet()) {
                assertTrue(Math.abs(counts.get(s.names().get(j)).get(c.getKey()) - f[j] * c.getValue()) <= 1,
                        "class " + c.getKey() + " of " + s.names().get(j) + ": " + counts);
            }
        }
        assertEquals(178, s.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void foldIndexColumnIsBalancedAndStratified(SparkSession spark) {
        Dataset<Row> data = skewed(spark, 103, 47);
        Dataset<Row> folded = DataSplits.folds(5).withSeed(2).stratifiedBy("label").withSplitIndex(data, "fold");
        assertEquals(DataTypes.IntegerType, folded.schema().apply("fold").dataType(), "CrossValidator needs ints");
        List<Row> groups = folded.groupBy("label", "fold").count().collectAsList();
        assertEquals(10, groups.size(), "every class in every fold");
        long rows = 0;
        for (Row r : groups) {
            double size = r.getDouble(0) == 0 ? 103 : 47;
            assertTrue(r.getInt(1) >= 0 && r.getInt(1) < 5);
            assertTrue(Math.abs(r.getLong(2) - size / 5) <= 1, "fold " + r);
            rows += r.getLong(2);
        }
        assertEquals(150, rows);
        Dataset<Row> named = data.withColumn("cls", functions.when(functions.col("label").equalTo(0), "big")
                .otherwise("small"));
        for (Row r : DataSplits.folds(5).withSeed(2).stratifiedBy("cls").withSplitIndex(named, "fold")
                .groupBy("cls", "fold").count().collectAsList()) {
            assertTrue(Math.abs(r.getLong(2) - (r.getString(0).equals("big") ? 103 : 47) / 5.0) <= 1,
                    "string classes stratify too: " + r);
        }
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> DataSplits.folds(1));
        assertTrue(one.getMessage().contains("k >= 2"), one.getMessage());
    }

    @Test
    void smallDataSitsInFewPartitionsAndLargeDataKeepsTheShufflePartitions(SparkSession spark) {
        // The ranking window is a shuffle; without a partition count of its own, every fold of 100 rows would sit in
        // spark.sql.shuffle.partitions partitions (4 in this session, 200 by default), most of them empty.
        Dataset<Row> folded = DataSplits.folds(3).withSeed(2).stratifiedBy("label")
                .withSplitIndex(skewed(spark, 60, 40).repartition(3), "fold");
        assertEquals(1, folded.javaRDD().getNumPartitions(), "100 rows need one partition");
        assertEquals(100, folded.count());
        Splits s = DataSplits.trainValidationTest(0.6, 0.2, 0.2).split(skewed(spark, 50));
        assertEquals(1, s.get("train").javaRDD().getNumPartitions(), "named splits of small data too");

        Dataset<Row> any = skewed(spark, 1);
        assertEquals(1, SplitAssigner.partitions(any, 1));
        assertEquals(3, SplitAssigner.partitions(any, 2 * SplitAssigner.ROWS_PER_PARTITION + 1));
        assertEquals(4, SplitAssigner.partitions(any, 1_000 * SplitAssigner.ROWS_PER_PARTITION),
                "never more than spark.sql.shuffle.partitions (4 in the test session)");
    }

    @Test
    void aSplitColumnNamesEachRowsSplit(SparkSession spark) {
        Dataset<Row> data = skewed(spark, 10).withColumn("part",
                functions.when(functions.col("id").lt(7), "fit").otherwise("check"));
        Splits s = DataSplits.fromColumn("part", "fit", "check").split(data);
        assertEquals(7, s.count("fit"));
        assertEquals(3, s.get("check").count());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.fromColumn("part", "fit", "test").split(data));
        assertTrue(unknown.getMessage().contains("'check'") && unknown.getMessage().contains("check=3")
                && unknown.getMessage().contains("[fit, test]"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.fromColumn("part", "fit", "check", "test").split(data));
        assertTrue(missing.getMessage().contains("split 'test' is empty"), missing.getMessage());
        Dataset<Row> withNull = data.withColumn("part", functions.when(functions.col("id").lt(2), null)
                .otherwise(functions.col("part")));
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.fromColumn("part", "fit", "check").split(withNull));
        assertTrue(nulls.getMessage().contains("null in 2 rows"), nulls.getMessage());
        IllegalArgumentException notString = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.fromColumn("id", "fit").split(data));
        assertTrue(notString.getMessage().contains("'id'") && notString.getMessage().contains("string"));
        assertThrows(IllegalStateException.class, () -> DataSplits.fromColumn("part", "fit").withSeed(1));
    }

    @Test
    void badFractionsNameTheFractionsAndTheFix() {
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.trainValidationTest(0.7, 0.2, 0.2));
        assertTrue(sum.getMessage().contains("{train=0.7, validation=0.2, test=0.2}")
                && sum.getMessage().contains("sum to 1"), sum.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.fractions(List.of("a", "b"), 1.0, 0.0));
        assertTrue(range.getMessage().contains("'a'") && range.getMessage().contains("(0, 1)"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSplits.fractions(List.of("a", "a"), 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DataSplits.fractions(List.of("a", "b"), 0.5));
        assertThrows(IllegalArgumentException.class, () -> DataSplits.fractions(List.of("a"), 1.0));
        // within the 1e-9 tolerance
        assertEquals(3, DataSplits.fractions(List.of("a", "b", "c"), 1 / 3.0, 1 / 3.0, 1 / 3.0).toString()
                .split("=").length - 1);
    }

    @Test
    void emptySplitsEmptyDataAndBadStratifyColumnsAreErrors(SparkSession spark) {
        Dataset<Row> ten = skewed(spark, 10);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.trainValidationTest(0.9, 0.04, 0.06).split(ten));
        assertTrue(empty.getMessage().contains("split 'validation' would be empty")
                && empty.getMessage().contains("raise that fraction"), empty.getMessage());
        IllegalArgumentException noRows = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.trainValidationTest(0.6, 0.2, 0.2).split(ten.limit(0)));
        assertTrue(noRows.getMessage().contains("empty"), noRows.getMessage());
        IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.trainValidationTest(0.6, 0.2, 0.2).stratifiedBy("class").split(ten));
        assertTrue(noColumn.getMessage().contains("'class'"), noColumn.getMessage());
        Dataset<Row> nullLabel = ten.withColumn("label", functions.when(functions.col("id").equalTo(3), null)
                .otherwise(functions.col("label")));
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.trainValidationTest(0.6, 0.2, 0.2).stratifiedBy("label").split(nullLabel));
        assertTrue(nulls.getMessage().contains("'label' has null"), nulls.getMessage());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> DataSplits.folds(2).withSplitIndex(ten, "x"));
        assertTrue(clash.getMessage().contains("'x' already exists"), clash.getMessage());
        Splits s = DataSplits.fractions(List.of("a", "b"), 0.5, 0.5).split(ten);
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> s.get("c"));
        assertTrue(name.getMessage().contains("'c'") && name.getMessage().contains("[a, b]"), name.getMessage());
    }
}
