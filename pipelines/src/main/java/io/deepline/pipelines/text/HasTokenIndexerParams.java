package io.deepline.pipelines.text;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.StructType;

/**
 * The Params of {@link TokenIndexer} and {@link TokenIndexerModel}, so that {@code fit} copies them onto the
 * model. Each is a public no-arg method: Spark finds Params by reflection.
 */
public interface HasTokenIndexerParams<S extends HasTokenIndexerParams<S>> extends Params {
    TokenIndexerParamSet tokenIndexerParams();

    default Param<String> inputCol() {
        return tokenIndexerParams().inputCol;
    }

    default Param<String> outputCol() {
        return tokenIndexerParams().outputCol;
    }

    default BooleanParam addBeginEnd() {
        return tokenIndexerParams().addBeginEnd;
    }

    default Param<String> handleUnknown() {
        return tokenIndexerParams().handleUnknown;
    }

    default IntParam vocabSize() {
        return tokenIndexerParams().vocabSize;
    }

    default DoubleParam minDF() {
        return tokenIndexerParams().minDF;
    }

    default DoubleParam maxDF() {
        return tokenIndexerParams().maxDF;
    }

    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    default String getOutputCol() {
        return getOrDefault(outputCol());
    }

    default boolean getAddBeginEnd() {
        return (Boolean) getOrDefault(addBeginEnd());
    }

    /** The {@code handleUnknown} choice, parsed. */
    default UnknownTokens getHandleUnknown() {
        return UnknownTokens.of(getOrDefault(handleUnknown()));
    }

    default int getVocabSize() {
        return (Integer) getOrDefault(vocabSize());
    }

    default double getMinDF() {
        return (Double) getOrDefault(minDF());
    }

    default double getMaxDF() {
        return (Double) getOrDefault(maxDF());
    }

    /** Sets the documented defaults (CountVectorizer's for the vocabulary); call from the stage's constructor. */
    default void setTokenIndexerDefaults() {
        setDefault(inputCol(), "tokens");
        setDefault(outputCol(), "tokenIds");
        setDefault(addBeginEnd(), false);
        setDefault(handleUnknown(), UnknownTokens.KEEP.paramValue());
        setDefault(vocabSize(), 1 << 18);
        setDefault(minDF(), 1.0);
        setDefault(maxDF(), (double) Long.MAX_VALUE);
    }

    /**
     * The output schema: checks that the input column holds {@code array<string>} and that the output column is
     * new, then appends the output column as {@code array<int>} (null where the input is null).
     */
    default StructType validateAndTransformSchema(StructType schema) {
        TokenSchemas.requireTokenArray(schema, getInputCol());
        SchemaChecks.requireAbsent(schema, getOutputCol(), "outputCol");
        return schema.add(getOutputCol(), TokenSchemas.ID_ARRAY, true);
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setInputCol(String value) {
        set(inputCol(), value);
        return self();
    }

    default S setOutputCol(String value) {
        set(outputCol(), value);
        return self();
    }

    default S setAddBeginEnd(boolean value) {
        set(addBeginEnd(), value);
        return self();
    }

    /** keep, skip or error; see {@link UnknownTokens}. */
    default S setHandleUnknown(String value) {
        set(handleUnknown(), value);
        return self();
    }

    default S setVocabSize(int value) {
        set(vocabSize(), value);
        return self();
    }

    default S setMinDF(double value) {
        set(minDF(), value);
        return self();
    }

    default S setMaxDF(double value) {
        set(maxDF(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
