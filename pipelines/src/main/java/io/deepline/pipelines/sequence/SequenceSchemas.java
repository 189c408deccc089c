package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
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

    /** The tagger's prediction column: one predicted class per step. */
    static StructType withStepPredictions(StructType schema, String predictionCol) {
        return with(schema, predictionCol, "predictionCol", DataTypes.createArrayType(DataTypes.DoubleType, false),
                Metadata.empty());
    }

    /** The label column must hold the stage's kind of label: one number per sequence, or an array per step. */
    static SequenceLabel requireLabel(StructType schema, String labelCol, SequenceLabel expected, String stageName) {
        SequenceLabel label = SequenceLabel.of(schema, labelCol);
        if (label != expected) {
            boolean perStep = expected == SequenceLabel.PER_STEP;
            throw new IllegalArgumentException("the label column '" + labelCol + "' of " + stageName + " must hold "
                    + (perStep ? "an array<double> with one label per step" : "one number per sequence")
                    + ", but it is " + schema.apply(labelCol).dataType().catalogString() + (perStep
                    ? "; use SequenceClassifier or SequenceRegressor for one label per sequence"
                    : "; use SequenceTagger for per-step labels"));
        }
        return label;
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
