package io.deepline.pipelines.regression;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema rules of regressors: a numeric or Vector label, and a prediction column of the same kind. */
final class RegressionSchemas {
    private RegressionSchemas() {
    }

    /** True if the label column holds Vectors (multi-output); fails unless it is numeric or Vector. */
    static boolean requireLabel(StructType schema, String labelCol) {
        DataType type = SchemaChecks.requireColumn(schema, labelCol, "label", "labelCol");
        if (type.equals(SQLDataTypes.VectorType())) {
            return true;
        }
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' must be numeric, or a Vector for"
                    + " several outputs, but is " + type.catalogString());
        }
        return false;
    }

    /** {@code schema} plus the prediction column: a double, or a Vector for multi-output models. */
    static StructType withPrediction(StructType schema, String predictionCol, boolean vector) {
        if (predictionCol.isEmpty()) {
            return schema;
        }
        SchemaChecks.requireAbsent(schema, predictionCol, "predictionCol");
        return schema.add(new StructField(predictionCol, vector ? SQLDataTypes.VectorType() : DataTypes.DoubleType,
                false, Metadata.empty()));
    }

    /** {@code schema} plus the predicted standard deviation (a double) unless {@code stdCol} is empty. */
    static StructType withStd(StructType schema, String stdCol) {
        if (stdCol.isEmpty()) {
            return schema;
        }
        SchemaChecks.requireAbsent(schema, stdCol, "predictionStdCol");
        return schema.add(new StructField(stdCol, DataTypes.DoubleType, false, Metadata.empty()));
    }
}
