package io.deepline.pipelines.sequence;

import io.deepline.models.spec.LearningRateSchedule;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.Seq2SeqSpec;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.HasArchitectureParams;
import io.deepline.pipelines.core.param.HasLayerParams;
import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/** An encoder-decoder's shape as Spark Params (public no-argument accessors, found by reflection). */
public interface HasSeq2SeqParams<S extends HasSeq2SeqParams<S>>
        extends HasTrainingParams<S>, ColumnParams<S>, HasTransformerParams<S>, HasLayerParams<S>,
        HasSequenceLengthParams<S>, HasArchitectureParams<S> {

    Seq2SeqParamSet seq2seqParams();

    default IntParam sourceVocabularySize() {
        return seq2seqParams().sourceVocabularySize;
    }

    default IntParam targetVocabularySize() {
        return seq2seqParams().targetVocabularySize;
    }

    default IntParam embeddingSize() {
        return seq2seqParams().embeddingSize;
    }

    default IntParam hiddenSize() {
        return seq2seqParams().hiddenSize;
    }

    default Param<String> cell() {
        return seq2seqParams().cell;
    }

    default Param<String> context() {
        return seq2seqParams().context;
    }

    default DoubleParam dropout() {
        return seq2seqParams().dropout;
    }

    default DoubleParam l2() {
        return seq2seqParams().l2;
    }

    default Param<String> weightInit() {
        return seq2seqParams().weightInit;
    }

    default IntParam maxSequenceLength() {
        return seq2seqParams().maxSequenceLength;
    }

    default Param<String> truncate() {
        return seq2seqParams().truncate;
    }

    default Param<String> architecture() {
        return seq2seqParams().architecture;
    }

    default IntParam maxOutputLength() {
        return seq2seqParams().maxOutputLength;
    }

    default int getSourceVocabularySize() {
        return isDefined(sourceVocabularySize()) ? (Integer) getOrDefault(sourceVocabularySize()) : 0;
    }

    default int getTargetVocabularySize() {
        return isDefined(targetVocabularySize()) ? (Integer) getOrDefault(targetVocabularySize()) : 0;
    }

    default int getMaxOutputLength() {
        return (Integer) getOrDefault(maxOutputLength());
    }

    default String getContext() {
        return getOrDefault(context());
    }

    default String getCell() {
        return getOrDefault(cell());
    }

    default int getHiddenSize() {
        return (Integer) getOrDefault(hiddenSize());
    }

    /** Sets the documented defaults; the vocabulary sizes have none (they come from the data's vocabularies). */
    default void setSeq2SeqDefaults() {
        setDefault(embeddingSize(), 32);
        setDefault(hiddenSize(), 64);
        setDefault(cell(), "gru");
        setDefault(context(), "attention");
        setDefault(dropout(), 0.0);
        setDefault(l2(), 0.0);
        setDefault(weightInit(), "auto");
        setDefault(maxSequenceLength(), 0);
        setDefault(truncate(), "head");
        setDefault(maxOutputLength(), 50);
        setDefault(architecture(), "rnn");
        setTransformerDefaults();
        setColumnDefaults();
    }

    /** The validated network spec these Params describe; fails naming an unset vocabulary size. */
    default Seq2SeqSpec toSeq2SeqSpec() {
        for (IntParam p : new IntParam[] {sourceVocabularySize(), targetVocabularySize()}) {
            if (!isDefined(p)) {
                throw new IllegalArgumentException(p.name() + " is not set; set it to the number of token ids,"
                        + " reserved ids included (TokenIndexerModel.vocabularySize())");
            }
        }
        return Seq2SeqSpec.builder()
                .sourceVocabularySize(getSourceVocabularySize())
                .targetVocabularySize(getTargetVocabularySize())
                .embeddingSize((Integer) getOrDefault(embeddingSize()))
                .hiddenSize(getHiddenSize())
                .encoderCell(getCell())
                .context(getContext())
                .dropout(getDropout())
                // A seq2seq network trains at a constant learning rate: lrSchedule is not passed (its spec refuses
                // one), as before the training Params were passed as a whole.
                .training(new NetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2(),
                        UpdaterKind.parse(getUpdater()), getLearningRate(), getMomentum(), LearningRateSchedule.NONE,
                        getSeed(), getAdamMoments()))
                .architecture(getArchitecture())
                .modelDim(getModelDim())
                .numHeads(getNumHeads())
                .ffDim(getFfDim())
                .numLayers(getNumLayers())
                .preNorm(getPreNorm())
                .build();
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setSourceVocabularySize(int value) {
        set(sourceVocabularySize(), value);
        return self();
    }

    default S setTargetVocabularySize(int value) {
        set(targetVocabularySize(), value);
        return self();
    }

    default S setEmbeddingSize(int value) {
        set(embeddingSize(), value);
        return self();
    }

    default S setHiddenSize(int value) {
        set(hiddenSize(), value);
        return self();
    }

    default S setCell(String value) {
        set(cell(), value);
        return self();
    }

    default S setContext(String value) {
        set(context(), value);
        return self();
    }

    default S setMaxOutputLength(int value) {
        set(maxOutputLength(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
