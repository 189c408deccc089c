package io.deepline.pipelines.sequence;

import io.deepline.models.spec.RecurrentCell;
import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import io.deepline.models.spec.SequenceSpec;
import io.deepline.models.spec.StepInput;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.Truncation;
import io.deepline.pipelines.param.HasTrainingParams;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * A recurrent network's shape and its sequence input as Spark Params (public no-argument accessors, which Spark
 * finds by reflection).
 */
public interface HasSequenceParams extends HasTrainingParams {

    /** This stage's instances of the sequence Params. */
    SequenceParamSet sequenceParams();

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

    default DoubleParam dropout() {
        return sequenceParams().dropout;
    }

    default DoubleParam l2() {
        return sequenceParams().l2;
    }

    default Param<String> weightInit() {
        return sequenceParams().weightInit;
    }

    default IntParam vocabularySize() {
        return sequenceParams().vocabularySize;
    }

    default IntParam embeddingSize() {
        return sequenceParams().embeddingSize;
    }

    default IntParam maxSequenceLength() {
        return sequenceParams().maxSequenceLength;
    }

    default Param<String> truncate() {
        return sequenceParams().truncate;
    }

    default BooleanParam sortByLength() {
        return sequenceParams().sortByLength;
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

    default double getDropout() {
        return (Double) getOrDefault(dropout());
    }

    default double getL2() {
        return (Double) getOrDefault(l2());
    }

    default String getWeightInit() {
        return getOrDefault(weightInit());
    }

    default int getVocabularySize() {
        return (Integer) getOrDefault(vocabularySize());
    }

    default int getEmbeddingSize() {
        return (Integer) getOrDefault(embeddingSize());
    }

    default int getMaxSequenceLength() {
        return (Integer) getOrDefault(maxSequenceLength());
    }

    default String getTruncate() {
        return getOrDefault(truncate());
    }

    default boolean getSortByLength() {
        return (Boolean) getOrDefault(sortByLength());
    }

    default Truncation getTruncation() {
        return Truncation.parse(getTruncate());
    }

    /** Sets the documented defaults; call from the stage's constructor. */
    default void setSequenceDefaults() {
        setDefault(cell(), "lstm");
        setDefault(hiddenSize(), 32);
        setDefault(numLayers(), 1);
        setDefault(bidirectional(), false);
        setDefault(dropout(), 0.0);
        setDefault(l2(), 0.0);
        setDefault(weightInit(), "auto");
        setDefault(vocabularySize(), 0);
        setDefault(embeddingSize(), 32);
        setDefault(maxSequenceLength(), 0);
        setDefault(truncate(), "head");
        setDefault(sortByLength(), true);
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
                .weightInit(WeightInitScheme.parse(getWeightInit()))
                .l2(getL2())
                .updater(UpdaterKind.parse(getUpdater()))
                .learningRate(getLearningRate())
                .momentum(getMomentum())
                .lrSchedule(getLearningRateSchedule())
                .seed(getSeed())
                .build();
    }
}
