package io.deepline.pipelines.core.data;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Schema checks with messages that name the column, what was expected, and how to fix it. They run in
 * {@code transformSchema}, before any Spark job.
 */
public final class SchemaChecks {
    private SchemaChecks() {
    }

    /** Fails unless {@code column} exists. {@code role} says what the stage uses it for ("features"). */
    public static DataType requireColumn(StructType schema, String column, String role, String paramName) {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("the " + role + " column name is empty; set " + paramName);
        }
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' does not exist; available columns: "
                    + Arrays.toString(schema.fieldNames()) + ". Set " + paramName + " to the right column.");
        }
        return schema.apply(column).dataType();
    }

    /** Fails unless {@code column} exists and holds ml {@code Vector}s. */
    public static void requireVectorColumn(StructType schema, String column, String paramName) {
        DataType type = requireColumn(schema, column, "features", paramName);
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("the features column '" + column + "' must hold org.apache.spark.ml.linalg"
                    + " vectors but is " + type.catalogString() + "; combine numeric columns into one vector column"
                    + " with VectorAssembler");
        }
    }

    /** Fails unless {@code column} exists and is numeric. */
    public static void requireNumericColumn(StructType schema, String column, String role, String paramName) {
        DataType type = requireColumn(schema, column, role, paramName);
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' must be numeric but is "
                    + type.catalogString() + (type.typeName().equals("string")
                    ? "; index string labels into 0-based class numbers with StringIndexer" : ""));
        }
    }

    /** Fails if an output column would overwrite an existing one. */
    public static void requireAbsent(StructType schema, String column, String paramName) {
        if (!column.isEmpty() && Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("output column '" + column + "' already exists; set " + paramName
                    + " to a new name or drop the column first");
        }
    }
}
