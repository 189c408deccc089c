package io.deepline.pipelines.sequence;

import io.deepline.models.spec.StepInput;
import io.deepline.models.spec.TransformerPooling;
import io.deepline.models.spec.TransformerSpec;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import org.apache.spark.ml.param.Param;

/**
 * A Transformer classifier's Params: the sequence input, the stack's sizes and the pooling, as Spark Params (public
 * no-argument accessors, which Spark finds by reflection).
 */
public interface HasTransformerClassifierParams<S extends HasTransformerClassifierParams<S>>
        extends HasSequenceInputParams<S>, HasTransformerParams<S> {

    /** This stage's instances of the Transformer classifier's Params. */
    TransformerClassifierParamSet transformerClassifierParams();

    @Override
    default SequenceInputParamSet sequenceInputParams() {
        return transformerClassifierParams().input;
    }

    @Override
    default TransformerParamSet transformerParams() {
        return transformerClassifierParams().transformer;
    }

    default Param<String> pooling() {
        return transformerClassifierParams().pooling;
    }

    default String getPooling() {
        return getOrDefault(pooling());
    }

    default TransformerPooling getTransformerPooling() {
        return TransformerPooling.parse(getPooling());
    }

    /** Sets the documented defaults of every Param; call from the stage's constructor. */
    default void setTransformerClassifierDefaults() {
        setSequenceInputDefaults();
        setTransformerDefaults();
        setTrainingDefaults();
        setDefault(pooling(), "mean");
    }

    /**
     * The validated network these Params describe for the given input kind, with positional encodings (without them
     * the encoder cannot tell the order of the steps). Fails with IllegalArgumentException naming the bad Param,
     * e.g. a numHeads that does not divide modelDim.
     */
    default TransformerSpec toTransformerSpec(SequenceInput input) {
        boolean tokens = input == SequenceInput.TOKEN_IDS;
        return new TransformerSpec(tokens ? StepInput.TOKENS : StepInput.REAL, tokens ? getVocabularySize() : 0,
                toTransformerShape(getDropout()), getTransformerPooling(), true, toNetworkTraining());
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setPooling(String value) {
        set(pooling(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
