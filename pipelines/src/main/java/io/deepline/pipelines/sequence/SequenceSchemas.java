package io.deepline.pipelines.sequence;

import io.deepline.pipelines.data.SchemaChecks;
import io.deepline.pipelines.data.sequence.SequenceInput;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The output columns sequence stages append; an empty column name means "do not append". */
final class SequenceSchemas {
    private SequenceSchemas() {
    }

    /** MLlib's classifier columns: rawPrediction and probability Vectors, and a nominal prediction. */
    static StructType withClassifierColumns(StructType schema, String rawCol, String probabilityCol,
                                            String predictionCol, int numClasses) {
        StructType out = with(schema, rawCol, "rawPredictionCol", SQLDataTypes.VectorType(), Metadata.empty());
        out = with(out, probabilityCol, "probabilityCol", SQLDataTypes.VectorType(), Metadata.empty());
        Metadata nominal = numClasses > 0 ? NominalAttribute.defaultAttr().withName(predictionCol)
                .withNumValues(numClasses).toMetadata() : Metadata.empty();
        return with(out, predictionCol, "predictionCol", DataTypes.DoubleType, nominal);
    }

    /** The features column must be of the kind the model was trained on (token ids stay token ids). */
    static void requireTrainedInput(StructType schema, String featuresCol, int vocabularySize, SequenceInput trained) {
        SequenceInput found = SequenceInput.of(schema, featuresCol, vocabularySize);
        if (found != trained) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' is "
                    + schema.apply(featuresCol).dataType().catalogString() + " (" + found + ") but the model was"
                    + " trained on " + trained + " sequences; give the column in the training form");
        }
    }

    static StructType with(StructType schema, String column, String paramName, DataType type, Metadata metadata) {
        if (column.isEmpty()) {
            return schema;
        }
        SchemaChecks.requireAbsent(schema, column, paramName);
        return schema.add(new StructField(column, type, false, metadata));
    }
}
