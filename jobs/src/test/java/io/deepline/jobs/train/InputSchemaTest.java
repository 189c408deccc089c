package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Column checks against a schema; no data and no SparkSession needed. */
class InputSchemaTest {

    private static final StructType IRIS = schema("sepal_length", DataTypes.DoubleType, "petal_width",
            DataTypes.DoubleType, "label", DataTypes.IntegerType);

    @Test
    void featuresDefaultToEveryColumnButTheLabel() {
        InputSchema s = InputSchema.resolve(IRIS, data("label", null));

        assertEquals(List.of("sepal_length", "petal_width"), s.features());
        assertFalse(s.labelIsText());
        assertFalse(s.singleVector());
    }

    @Test
    void aStringLabelIsMarkedForIndexing() {
        StructType named = schema("x", DataTypes.DoubleType, "species", DataTypes.StringType);

        assertTrue(InputSchema.resolve(named, data("species", null)).labelIsText());
    }

    @Test
    void aSingleVectorColumnIsUsedAsItIs() {
        StructType libsvm = schema("label", DataTypes.DoubleType, "features", SQLDataTypes.VectorType());

        assertTrue(InputSchema.resolve(libsvm, data("label", null)).singleVector());
    }

    @Test
    void aMissingLabelIsNamedWithTheAvailableColumns() {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(IRIS, data("Label", null)));

        assertEquals("data.label", e.keyPath());
        assertTrue(e.fix().contains("Did you mean 'label'?") && e.fix().contains("petal_width"), e.fix());
    }

    @Test
    void missingFeaturesAreNamed() {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(IRIS, data("label", List.of("sepal_length", "p0"))));

        assertEquals("data.features", e.keyPath());
        assertTrue(e.problem().contains("'p0'"), e.problem());
    }

    @Test
    void textFeaturesAreRejectedWithAFix() {
        StructType withId = schema("id", DataTypes.StringType, "x", DataTypes.DoubleType, "label",
                DataTypes.IntegerType);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(withId, data("label", null)));

        assertEquals("data.features", e.keyPath());
        assertTrue(e.fix().contains("leaving 'id' out") && e.fix().contains("data.categorical: [id]"), e.fix());
    }

    private static final StructType SHOP = schema("price", DataTypes.DoubleType, "colour", DataTypes.StringType,
            "size", DataTypes.IntegerType, "bought", DataTypes.IntegerType);

    @Test
    void categoricalColumnsAreFeaturesKeptInFeatureOrder() {
        InputSchema every = InputSchema.resolve(SHOP, data("bought", null, List.of("size", "colour")));
        InputSchema listed = InputSchema.resolve(SHOP, data("bought", List.of("colour", "price"),
                List.of("colour")));

        assertEquals(List.of("price", "colour", "size"), every.features());
        assertEquals(List.of("colour", "size"), every.categorical(), "strings, and numbers used as codes");
        assertTrue(every.isCategorical("size") && !every.isCategorical("price"));
        assertEquals(List.of("bought", "price", "colour", "size"), every.usedColumns());
        assertEquals(List.of("colour", "price"), listed.features());
        assertEquals(List.of("colour"), listed.categorical());
    }

    @Test
    void aMissingCategoricalColumnIsNamed() {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(SHOP, data("bought", null, List.of("color"))));

        assertEquals("data.categorical", e.keyPath());
        assertTrue(e.problem().contains("'color'") && e.fix().contains("Did you mean 'colour'?"), e.getMessage());
    }

    @Test
    void categoricalColumnsMustHoldStringsOrNumbers() {
        StructType odd = schema("flag", DataTypes.BooleanType, "tags", DataTypes.createArrayType(DataTypes.StringType),
                "y", DataTypes.IntegerType);

        JobConfigException flag = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(odd, data("y", List.of("flag"), List.of("flag"))));
        JobConfigException tags = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(odd, data("y", List.of("tags"), List.of("tags"))));

        assertEquals("data.categorical", flag.keyPath());
        assertTrue(flag.problem().contains("'flag' has type boolean")
                && flag.fix().contains("remove 'flag' from data.categorical"), flag.getMessage());
        assertEquals("data.categorical", tags.keyPath());
        assertTrue(tags.problem().contains("array<string>"), tags.getMessage());
    }

    @Test
    void categoricalColumnsMustBeAmongTheFeatures() {
        assertThrows(IllegalArgumentException.class,
                () -> new InputSchema("y", false, InputKind.FEATURES, List.of("a"), false, List.of("b")));
        assertThrows(IllegalArgumentException.class,
                () -> new InputSchema("y", false, InputKind.TEXT, List.of("a"), false, List.of("a")));
    }

    @Test
    void aHeaderlessCsvGetsAHint() {
        StructType headerless = schema("_c0", DataTypes.StringType, "_c1", DataTypes.StringType);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> InputSchema.resolve(headerless, data("label", null)));

        assertTrue(e.getMessage().contains("header: \"true\""), e.getMessage());
    }

    private static DataSection data(String label, List<String> features) {
        return new DataSection("in.csv", DataFormat.CSV, Map.of(), label, features, null, null);
    }

    private static DataSection data(String label, List<String> features, List<String> categorical) {
        return new DataSection("in.csv", DataFormat.CSV, Map.of(), label, features, null, null, categorical, false);
    }

    private static StructType schema(Object... nameTypePairs) {
        StructField[] fields = new StructField[nameTypePairs.length / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = DataTypes.createStructField((String) nameTypePairs[2 * i], (DataType) nameTypePairs[2 * i + 1],
                    true);
        }
        return DataTypes.createStructType(fields);
    }
}
