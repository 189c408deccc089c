package io.deepline.pipelines.core.data;

import io.deepline.models.state.Network;
import java.io.Serializable;

/**
 * What the trainer needs from a cached batch: one optimizer step of a network on it, with the DL4J arrays built on
 * the executor that fits it. Tabular {@link MiniBatch}es, {@link io.deepline.pipelines.core.data.sequence.SequenceBatch}es
 * and sequence-to-sequence batches (a MultiDataSet for a two-input graph) implement it, so one
 * {@code ParameterAveragingTrainer} fits every kind of network. Implementations hold plain arrays,
 * never INDArrays (they are cached and shipped by Spark).
 */
public interface TrainingBatch extends Serializable {

    /** Examples (rows or sequences) in the batch. */
    int rows();

    /** One optimizer step of {@code net} on this batch, with its masks; {@code net.score()} is then its loss. */
    void fitOn(Network net);

    /**
     * Writes the batch's sizes and arrays (features, labels, masks, in that order) to {@code out}, for the checkpoint
     * fingerprint of the training data: equal contents must write equal values, whatever the batch's class.
     */
    void writeContents(BatchContents out);
}
