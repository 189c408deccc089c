package io.deepline.pipelines.data;

import java.io.Serializable;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What the trainer needs from a cached batch: its DL4J DataSet, built on the executor that fits it. Tabular
 * {@link MiniBatch}es and {@link io.deepline.pipelines.data.sequence.SequenceBatch}es both implement it, so one
 * {@code ParameterAveragingTrainer} fits feed-forward and recurrent networks. Implementations hold plain arrays,
 * never INDArrays (they are cached and shipped by Spark).
 */
public interface TrainingBatch extends Serializable {

    /** Examples (rows or sequences) in the batch. */
    int rows();

    /** The batch as a DL4J DataSet with its masks; a new one on every call. */
    DataSet toDataSet();
}
