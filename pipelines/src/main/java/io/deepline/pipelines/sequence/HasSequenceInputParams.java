package io.deepline.pipelines.sequence;

import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.param.HasLayerParams;
import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * What every stage reading a sequence column has, whatever its network (recurrent or Transformer): the input's
 * vocabulary, length cut and batching, and the network-wide dropout, weight decay and initialisation, as Spark
 * Params (public no-argument accessors, which Spark finds by reflection).
 */
public interface HasSequenceInputParams<S extends HasSequenceInputParams<S>> extends HasTrainingParams<S>,
        HasLayerParams<S>, HasSequenceLengthParams<S> {

    /** This stage's instances of the sequence-input Params. */
    SequenceInputParamSet sequenceInputParams();

    default DoubleParam dropout() {
        return sequenceInputParams().dropout;
    }

    default DoubleParam l2() {
        return sequenceInputParams().l2;
    }

    default Param<String> weightInit() {
        return sequenceInputParams().weightInit;
    }

    default IntParam vocabularySize() {
        return sequenceInputParams().vocabularySize;
    }

    default IntParam maxSequenceLength() {
        return sequenceInputParams().maxSequenceLength;
    }

    default Param<String> truncate() {
        return sequenceInputParams().truncate;
    }

    default BooleanParam sortByLength() {
        return sequenceInputParams().sortByLength;
    }

    default int getVocabularySize() {
        return (Integer) getOrDefault(vocabularySize());
    }

    default String getTruncate() {
        return getOrDefault(truncate());
    }

    default boolean getSortByLength() {
        return (Boolean) getOrDefault(sortByLength());
    }

    /** Sets the documented defaults; call from the stage's constructor. */
    default void setSequenceInputDefaults() {
        setDefault(dropout(), sequenceInputParams().defaultDropout);
        setDefault(l2(), 0.0);
        setDefault(weightInit(), "auto");
        setDefault(vocabularySize(), 0);
        setDefault(maxSequenceLength(), 0);
        setDefault(truncate(), "head");
        setDefault(sortByLength(), true);
    }

    /** The validated initialisation and optimizer settings of these Params and the training Params. */
    default NetworkTraining toNetworkTraining() {
        return toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2());
    }

    /** Reads rows of {@code featuresCol} of the kind a model was trained on, cut as in training. */
    default SequenceReader sequenceReader(SequenceInput input, int numFeatures, String featuresCol) {
        return new SequenceReader(input, numFeatures, getVocabularySize(), getMaxSequenceLength(), getTruncation(),
                featuresCol);
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setVocabularySize(int value) {
        set(vocabularySize(), value);
        return self();
    }

    default S setSortByLength(boolean value) {
        set(sortByLength(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
