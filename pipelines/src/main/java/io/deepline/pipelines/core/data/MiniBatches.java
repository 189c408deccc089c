package io.deepline.pipelines.core.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds the cached mini-batch RDD a trainer consumes: one partition per worker. */
public final class MiniBatches {
    private MiniBatches() {
    }

    /**
     * @param featuresAndLabel rows of (features vector, label), already validated
     * @param labels           how a label becomes the network's target floats
     * @return batches in {@code numWorkers} partitions, persisted as {@link BatchStorage#LEVEL}; the caller
     *         unpersists them after training
     */
    public static JavaRDD<MiniBatch> build(Dataset<Row> featuresAndLabel, int numWorkers, int batchSize,
                                           int numFeatures, LabelEncoder labels, long seed) {
        return build(featuresAndLabel, numWorkers, batchSize, numFeatures, labels, seed, false, 1.0);
    }

    /**
     * As {@link #build(Dataset, int, int, int, LabelEncoder, long)}; when {@code weighted}, column 2 holds each
     * row's weight, multiplied by {@code weightScale} into the batch (see {@link MiniBatch#toDataSet()}).
     */
    public static JavaRDD<MiniBatch> build(Dataset<Row> rows, int numWorkers, int batchSize, int numFeatures,
                                           LabelEncoder labels, long seed, boolean weighted, double weightScale) {
        JavaRDD<MiniBatch> batches = rows.javaRDD()
                .repartition(numWorkers)
                .mapPartitionsWithIndex(new RowBatcher(batchSize, numFeatures, labels, seed, weighted, weightScale),
                        true)
                .persist(BatchStorage.LEVEL);
        batches.setName("deepline mini-batches (" + numWorkers + " workers × batches of " + batchSize + ")");
        return batches;
    }
}
