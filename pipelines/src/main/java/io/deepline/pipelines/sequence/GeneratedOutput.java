package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

/** What a {@link SequenceGenerator} emits at each step: a token of a vocabulary, or a real value. */
public enum GeneratedOutput {
    /** Token ids (softmax over the vocabulary); generation stops at the end token. */
    TOKENS,
    /** Real values (squared loss); generation runs for maxOutputLength steps. */
    VALUES;

    /** The kind of target column {@code labelCol}, checked before any Spark job. */
    static GeneratedOutput of(StructType schema, String labelCol, int vocabularySize) {
        DataType type = SchemaChecks.requireColumn(schema, labelCol, "label", "labelCol");
        DataType element = type instanceof ArrayType a ? a.elementType() : null;
        if (element instanceof IntegerType || element instanceof LongType || element instanceof ShortType) {
            if (vocabularySize <= 0) {
                throw new IllegalArgumentException("the label column '" + labelCol + "' holds token ids ("
                        + type.catalogString() + ") but vocabularySize is " + vocabularySize + "; set vocabularySize"
                        + " to the number of ids (e.g. TokenIndexerModel.vocabularySize())");
            }
            return TOKENS;
        }
        if (element instanceof FractionalType) {
            if (vocabularySize > 0) {
                throw new IllegalArgumentException("vocabularySize is " + vocabularySize + " but the label column '"
                        + labelCol + "' holds real values (" + type.catalogString() + "); unset vocabularySize, or"
                        + " give token ids as array<int>");
            }
            return VALUES;
        }
        throw new IllegalArgumentException("the label column '" + labelCol + "' is " + type.catalogString()
                + " but a generator's targets must be array<int> (token ids) or array<double> (values)");
    }

    /** The Spark type of generated sequences. */
    DataType sparkType() {
        return DataTypes.createArrayType(this == TOKENS ? DataTypes.IntegerType : DataTypes.DoubleType, false);
    }
}
