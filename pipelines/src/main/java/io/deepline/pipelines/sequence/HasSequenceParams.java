package io.deepline.pipelines.sequence;

import io.deepline.models.spec.RecurrentCell;
import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import io.deepline.models.spec.SequenceSpec;
import io.deepline.models.spec.StepInput;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * A recurrent network's shape, with its sequence input ({@link HasSequenceInputParams}), as Spark Params (public
 * no-argument accessors, which Spark finds by reflection).
 */
public interface HasSequenceParams<S extends HasSequenceParams<S>> extends HasSequenceInputParams<S> {

    /** This stage's instances of the sequence Params. */
    SequenceParamSet sequenceParams();

    @Override
    default SequenceInputParamSet sequenceInputParams() {
        return sequenceParams().input;
    }

    default Param<String> cell() {
        return sequenceParams().cell;
    }

    default IntParam hiddenSize() {
        return sequenceParams().hiddenSize;
    }

    default IntParam numLayers() {
        return sequenceParams().numLayers;
    }

    default BooleanParam bidirectional() {
        return sequenceParams().bidirectional;
    }

    default IntParam embeddingSize() {
        return sequenceParams().embeddingSize;
    }

    default String getCell() {
        return getOrDefault(cell());
    }

    default int getHiddenSize() {
        return (Integer) getOrDefault(hiddenSize());
    }

    default int getNumLayers() {
        return (Integer) getOrDefault(numLayers());
    }

    default boolean getBidirectional() {
        return (Boolean) getOrDefault(bidirectional());
    }

    default int getEmbeddingSize() {
        return (Integer) getOrDefault(embeddingSize());
    }

    /** Sets the documented defaults; call from the stage's constructor. */
    default void setSequenceDefaults() {
        setDefault(cell(), "lstm");
        setDefault(hiddenSize(), 32);
        setDefault(numLayers(), 1);
        setDefault(bidirectional(), false);
        setDefault(embeddingSize(), 32);
        setSequenceInputDefaults();
    }

    /** The validated network spec these Params describe, for the given input kind and output. */
    default SequenceSpec toSequenceSpec(SequenceInput input, SequenceOutput output, SequencePooling pooling) {
        boolean tokens = input == SequenceInput.TOKEN_IDS;
        return SequenceSpec.builder()
                .cell(RecurrentCell.parse(getCell()))
                .hiddenSize(getHiddenSize())
                .numLayers(getNumLayers())
                .bidirectional(getBidirectional())
                .dropout(getDropout())
                .input(tokens ? StepInput.TOKENS : StepInput.REAL)
                .vocabularySize(tokens ? getVocabularySize() : 0)
                .embeddingSize(tokens ? getEmbeddingSize() : 0)
                .output(output)
                .pooling(pooling)
                .training(toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2()))
                .build();
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setCell(String value) {
        set(cell(), value);
        return self();
    }

    default S setHiddenSize(int value) {
        set(hiddenSize(), value);
        return self();
    }

    default S setNumLayers(int value) {
        set(numLayers(), value);
        return self();
    }

    default S setBidirectional(boolean value) {
        set(bidirectional(), value);
        return self();
    }

    default S setEmbeddingSize(int value) {
        set(embeddingSize(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
