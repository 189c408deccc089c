package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.BatchStorage;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds the cached sequence-batch RDD a trainer consumes: one partition per worker. */
public final class SequenceBatches {
    private SequenceBatches() {
    }

    /**
     * @param sequenceAndLabel rows of (sequence, label), already checked by {@link SequenceDataCheck}
     * @return batches in {@code numWorkers} partitions, persisted as {@link BatchStorage#LEVEL}; the caller
     *         unpersists them after training
     */
    public static JavaRDD<SequenceBatch> build(Dataset<Row> sequenceAndLabel, int numWorkers, int batchSize,
                                               SequenceLayout layout, long seed) {
        return build(sequenceAndLabel, numWorkers, batchSize, layout, seed, false);
    }

    /**
     * As {@link #build(Dataset, int, int, SequenceLayout, long)}; with {@code sortByLength}, rows of similar
     * length share batches (within windows of a few batches, see {@link SequenceBatcher}), so less is padded.
     */
    public static JavaRDD<SequenceBatch> build(Dataset<Row> sequenceAndLabel, int numWorkers, int batchSize,
                                               SequenceLayout layout, long seed, boolean sortByLength) {
        if (numWorkers <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("numWorkers and batchSize must be > 0, got " + numWorkers + " and "
                    + batchSize);
        }
        JavaRDD<SequenceBatch> batches = sequenceAndLabel.javaRDD()
                .repartition(numWorkers)
                .mapPartitionsWithIndex(new SequenceBatcher(layout, batchSize, seed, sortByLength), true)
                .persist(BatchStorage.LEVEL);
        batches.setName("deepline sequence batches (" + numWorkers + " workers × batches of " + batchSize + ")");
        return batches;
    }
}
