package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

/** The three ways a features column can hold a sequence; each becomes NCW {@code [batch, nIn, T]} floats. */
public enum SequenceInput {
    /** {@code array<array<double>>}: time × features, one inner array per step. */
    STEP_VECTORS,
    /**
     * {@code array<int>} or {@code array<long>}: token ids in {@code [0, vocabularySize)}, one input per step
     * holding the id as a float, the {@code [batch, 1, T]} input DL4J's {@code EmbeddingSequenceLayer} takes.
     */
    TOKEN_IDS,
    /** {@code array<double>}: a univariate series, one feature per step. */
    UNIVARIATE;

    /** Token ids travel as floats, which hold every integer up to 2^24 exactly. */
    public static final int MAX_VOCABULARY_SIZE = 1 << 24;

    /**
     * The kind of {@code column} in {@code schema}, checked before any Spark job.
     *
     * @param vocabularySize the number of token ids (ids are 0..V-1), or 0 when the column is not tokens
     */
    public static SequenceInput of(StructType schema, String column, int vocabularySize) {
        DataType type = SchemaChecks.requireColumn(schema, column, "features", "featuresCol");
        DataType element = type instanceof ArrayType a ? a.elementType() : null;
        SequenceInput input;
        if (element instanceof ArrayType inner && inner.elementType() instanceof NumericType) {
            input = STEP_VECTORS;
        } else if (element instanceof IntegerType || element instanceof LongType || element instanceof ShortType) {
            input = TOKEN_IDS;
        } else if (element instanceof FractionalType) {
            input = UNIVARIATE;
        } else {
            throw new IllegalArgumentException("the features column '" + column + "' is " + type.catalogString()
                    + " but a sequence column must be array<array<double>> (time × features), array<int> (token ids)"
                    + " or array<double> (a univariate series); build it with collect_list over the time-ordered"
                    + " rows or with a UDF");
        }
        if (input == TOKEN_IDS && (vocabularySize <= 0 || vocabularySize > MAX_VOCABULARY_SIZE)) {
            throw new IllegalArgumentException("the features column '" + column + "' holds token ids ("
                    + type.catalogString() + ") but vocabularySize is " + vocabularySize + "; set vocabularySize"
                    + " to the number of ids, 1.." + MAX_VOCABULARY_SIZE + " (CountVectorizerModel.vocabulary().length"
                    + " or StringIndexerModel.labelsArray()[0].length), or cast the column to array<double> if it is"
                    + " a numeric series");
        }
        if (input != TOKEN_IDS && vocabularySize > 0) {
            throw new IllegalArgumentException("vocabularySize is " + vocabularySize + " but the features column '"
                    + column + "' is " + type.catalogString() + ", not token ids (array<int>); unset vocabularySize"
                    + " or give the token-id column");
        }
        return input;
    }
}
