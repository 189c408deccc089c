package io.deepline.pipelines.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** Builds the cached mini-batch RDD a trainer consumes: one partition per worker. */
public final class MiniBatches {
    private MiniBatches() {
    }

    /**
     * @param featuresAndLabel rows of (features vector, double class index), already validated
     * @return batches in {@code numWorkers} partitions, persisted MEMORY_AND_DISK_SER and materialized;
     *         the caller unpersists them after training
     */
    public static JavaRDD<MiniBatch> forClassification(Dataset<Row> featuresAndLabel, int numWorkers, int batchSize,
                                                       int numFeatures, int numClasses, long seed) {
        JavaRDD<MiniBatch> batches = featuresAndLabel.javaRDD()
                .repartition(numWorkers)
                .mapPartitionsWithIndex(new ClassificationBatcher(batchSize, numFeatures, numClasses, seed), true)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        batches.setName("deepline mini-batches (" + numWorkers + " workers × batches of " + batchSize + ")");
        return batches;
    }
}
