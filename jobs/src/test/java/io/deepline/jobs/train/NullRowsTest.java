package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PreprocessSection;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nulls and NaNs in the columns a job uses: refused with their counts, or exactly those rows dropped; infinite
 * values and values too large for the preprocessing: refused naming the user's column.
 */
@ExtendWith(SparkSessionExtension.class)
class NullRowsTest {

    private static final StructType SCHEMA = new StructType().add("x", DataTypes.DoubleType)
            .add("colour", DataTypes.StringType).add("note", DataTypes.StringType).add("y", DataTypes.IntegerType);
    private static final InputSchema USES_X_COLOUR_Y = new InputSchema("y", false, InputKind.FEATURES,
            List.of("x", "colour"), false, List.of("colour"));

    /**
     * 40 rows: x is null in rows i % 10 == 3, colour in rows i % 8 == 6, y in row 0, note (unused) in every even
     * row. Rows with a null in a used column: 4 (x) + 5 (colour) + 1 (y), none of these overlapping.
     */
    private static Dataset<Row> data(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(i % 10 == 3 ? null : (double) i, i % 8 == 6 ? null : "c" + (i % 3),
                    i % 2 == 0 ? null : "n", i == 0 ? null : i % 2));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    @Test
    void nullsAreRefusedNamingEachUsedColumnAndItsCount(SparkSession spark) {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> NullRows.check(data(spark), USES_X_COLOUR_Y, false));

        assertEquals("data.label", e.keyPath(), "the key of the first column listed, the label y");
        assertTrue(e.problem().contains("column 'y' has 1 null, column 'x' has 4 nulls, column 'colour' has 5 nulls")
                && e.problem().contains("10 of 40 rows"), e.problem());
        assertTrue(!e.problem().contains("note"), "an unused column's nulls do not matter: " + e.problem());
        assertTrue(e.fix().contains("data.dropNulls: true"), e.fix());
    }

    @Test
    void dropNullsDropsExactlyTheRowsWithANullInAUsedColumn(SparkSession spark) {
        Dataset<Row> data = data(spark);

        NullRows nulls = NullRows.check(data, USES_X_COLOUR_Y, true);

        assertEquals(10, nulls.dropped());
        assertEquals(30, nulls.kept().count());
        assertEquals(0, nulls.kept().filter("x IS NULL OR colour IS NULL OR y IS NULL").count());
        assertEquals(20 - 6, nulls.kept().filter("note IS NULL").count(),
                "the even rows but the 6 dropped (0, 6, 14, 22, 30, 38): unused columns do not matter");
        assertEquals(data.filter("x IS NOT NULL AND colour IS NOT NULL AND y IS NOT NULL").count(),
                nulls.kept().count());

        NullRows counted = NullRows.check(data, USES_X_COLOUR_Y, true, PreprocessSection.DEFAULT,
                List.of(functions.col("note").isNull(), functions.col("x").gt(20)));
        assertEquals(30, counted.keptRows());
        assertEquals(List.of(14L, nulls.kept().filter("x > 20").count()), counted.counted(),
                "the caller's conditions are counted among the kept rows only");
    }

    @Test
    void completeDataIsUsedAsItIs(SparkSession spark) {
        Dataset<Row> complete = data(spark).filter("x IS NOT NULL AND colour IS NOT NULL AND y IS NOT NULL");

        NullRows nulls = NullRows.check(complete, USES_X_COLOUR_Y, false);

        assertSame(complete, nulls.kept());
        assertEquals(0, nulls.dropped());
    }

    @Test
    void aNullTextIsAnEmptyTextNotAMissingValue(SparkSession spark) {
        InputSchema text = new InputSchema("y", false, InputKind.TEXT, List.of("note"), false);
        Dataset<Row> labelled = data(spark).filter("y IS NOT NULL");

        NullRows nulls = NullRows.check(labelled, text, false);

        assertEquals(List.of("y"), NullRows.checkedColumns(text));
        assertEquals(0, nulls.dropped());
        assertEquals(39, nulls.kept().count());
    }

    @Test
    void aDottedColumnNameIsReadAsOneColumn(SparkSession spark) {
        Dataset<Row> dotted = data(spark).withColumnRenamed("x", "size.cm");
        InputSchema input = new InputSchema("y", false, List.of("size.cm"), false);

        assertEquals(5, NullRows.check(dotted, input, true).dropped(), "4 nulls in size.cm, 1 in y");
    }

    /**
     * 12 rows of a double feature x, a double label y, and a string feature colour: x is NaN in rows 1 and 2, null
     * in row 3, {@code special} in row 5; y is NaN in row 4.
     */
    private static Dataset<Row> withNaN(SparkSession spark, double special) {
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("colour", DataTypes.StringType)
                .add("y", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Double x = i == 3 ? null : Double.valueOf(i == 1 || i == 2 ? Double.NaN : i == 5 ? special : i);
            rows.add(RowFactory.create(x, "c" + (i % 2), i == 4 ? Double.NaN : (double) (i % 2)));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static final InputSchema USES_X_COLOUR_DOUBLE_Y = new InputSchema("y", false, InputKind.FEATURES,
            List.of("x", "colour"), false, List.of("colour"));

    @Test
    void nanCellsAreMissingValuesNamedWithTheirColumnCountsAndKey(SparkSession spark) {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> NullRows.check(withNaN(spark, 5.0), USES_X_COLOUR_DOUBLE_Y, false));

        assertEquals("data.label", e.keyPath());
        assertTrue(e.problem().contains("column 'y' has 1 NaN value, column 'x' has 1 null and 2 NaN values")
                && e.problem().contains("4 of 12 rows"), e.problem());
        assertTrue(e.fix().contains("data.dropNulls: true"), e.fix());
    }

    @Test
    void aNaNFeatureAloneIsNamedUnderDataFeatures(SparkSession spark) {
        Dataset<Row> labelled = withNaN(spark, 5.0).filter("NOT isnan(y)");

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> NullRows.check(labelled, USES_X_COLOUR_DOUBLE_Y, false));

        assertEquals("data.features", e.keyPath());
        assertTrue(e.problem().contains("column 'x' has 1 null and 2 NaN values"), e.problem());
    }

    @Test
    void dropNullsDropsTheRowsWithANaNToo(SparkSession spark) {
        NullRows kept = NullRows.check(withNaN(spark, 5.0), USES_X_COLOUR_DOUBLE_Y, true);

        assertEquals(4, kept.dropped());
        assertEquals(8, kept.kept().filter("NOT isnan(x) AND NOT isnan(y) AND x IS NOT NULL").count());
        assertEquals(8, kept.kept().count());
    }

    @Test
    void infiniteValuesAreRefusedEvenWithDropNulls(SparkSession spark) {
        for (double infinity : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            JobConfigException e = assertThrows(JobConfigException.class,
                    () -> NullRows.check(withNaN(spark, infinity), USES_X_COLOUR_DOUBLE_Y, true));

            assertEquals("data.features", e.keyPath());
            assertTrue(e.problem().contains("column 'x' has 1 infinite value"), e.problem());
        }
    }

    /**
     * 1e308 is finite, but its square is not: standardising it gives an infinite variance. Without
     * standardisation it is still beyond the network's 32-bit floats; 1e30 is not, and 1e140 fits a
     * standardisation of 8 rows.
     */
    @Test
    void valuesTooLargeForThePreprocessingAreRefusedNamingTheColumn(SparkSession spark) {
        PreprocessSection standardize = new PreprocessSection(true, null, null);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> NullRows.check(withNaN(spark, 1e308), USES_X_COLOUR_DOUBLE_Y, true, standardize));
        JobConfigException unscaled = assertThrows(JobConfigException.class,
                () -> NullRows.check(withNaN(spark, 1e308), USES_X_COLOUR_DOUBLE_Y, true, PreprocessSection.DEFAULT));

        assertEquals("data.features", e.keyPath());
        assertTrue(e.problem().contains("column 'x' holds values as large as 1.0E308")
                && e.problem().contains("preprocess.standardize"), e.problem());
        assertTrue(!e.fix().contains("preprocess.divideBy"), "divideBy is refused with categorical columns: "
                + e.fix());
        assertTrue(unscaled.problem().contains("32-bit floats"), unscaled.problem());
        assertEquals(8, NullRows.check(withNaN(spark, 1e30), USES_X_COLOUR_DOUBLE_Y, true,
                PreprocessSection.DEFAULT).kept().count());
        assertEquals(8, NullRows.check(withNaN(spark, 1e140), USES_X_COLOUR_DOUBLE_Y, true, standardize)
                .kept().count());
    }

    @Test
    void theFixForATooLargeColumnSuggestsADivisorThatIsEnough(SparkSession spark) {
        InputSchema numeric = new InputSchema("y", false, List.of("x"), false);
        PreprocessSection standardize = new PreprocessSection(true, null, null);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> NullRows.check(withNaN(spark, 1e308), numeric, true, standardize));
        double divideBy = Double.parseDouble(e.fix().replaceAll(".*preprocess.divideBy \\(e.g. ([^)]+)\\).*", "$1"));

        assertTrue(1e308 / divideBy <= LargeValues.standardizable(8) && divideBy < 1e157, e.fix());
        assertEquals(8, NullRows.check(withNaN(spark, 1e308), numeric, true,
                new PreprocessSection(true, divideBy, null)).kept().count());
    }

    /**
     * MNIST-wide data (784 pixel columns and a label): the null check's condition over every column must not nest
     * 785 deep, which overflowed the driver's stack while Spark planned the read.
     */
    @Test
    void aWideTableIsCheckedAndItsNullRowsDropped(SparkSession spark) {
        int pixels = 784;
        StructType schema = new StructType();
        List<String> inputs = new ArrayList<>();
        for (int p = 0; p < pixels; p++) {
            schema = schema.add("p" + p, DataTypes.DoubleType);
            inputs.add("p" + p);
        }
        schema = schema.add("label", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Object[] values = new Object[pixels + 1];
            for (int p = 0; p < pixels; p++) {
                values[p] = i == 2 && p == pixels - 1 ? null : (double) (i + p);
            }
            values[pixels] = i % 2;
            rows.add(RowFactory.create(values));
        }
        InputSchema wide = new InputSchema("label", false, InputKind.FEATURES, inputs, false, List.of());

        NullRows nulls = NullRows.check(spark.createDataFrame(rows, schema), wide, true);

        assertEquals(1, nulls.dropped());
        assertEquals(5, nulls.kept().count());
    }
}
