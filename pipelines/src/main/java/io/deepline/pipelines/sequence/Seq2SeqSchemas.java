package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

/** Schema rules of {@link Seq2Seq}: token-id columns in, decoded token ids out. */
final class Seq2SeqSchemas {
    private Seq2SeqSchemas() {
    }

    static void requireSource(StructType schema, String sourceCol) {
        if (SequenceInput.of(schema, sourceCol, SequenceInput.MAX_VOCABULARY_SIZE) != SequenceInput.TOKEN_IDS) {
            throw new IllegalArgumentException("the features column '" + sourceCol + "' is "
                    + schema.apply(sourceCol).dataType().catalogString() + " but Seq2Seq reads source token ids,"
                    + " array<int>; index text with RegexTokenizer and TokenIndexer first");
        }
    }

    static void requireTarget(StructType schema, String targetCol) {
        DataType type = SchemaChecks.requireColumn(schema, targetCol, "label", "labelCol");
        DataType element = type instanceof ArrayType a ? a.elementType() : null;
        if (!(element instanceof IntegerType || element instanceof LongType || element instanceof ShortType)) {
            throw new IllegalArgumentException("the label column '" + targetCol + "' is " + type.catalogString()
                    + " but Seq2Seq learns target token ids, array<int>; index the target text with a TokenIndexer");
        }
    }

    static StructType withPrediction(StructType schema, String predictionCol) {
        return SequenceSchemas.with(schema, predictionCol, "predictionCol",
                DataTypes.createArrayType(DataTypes.IntegerType, false), Metadata.empty());
    }
}
