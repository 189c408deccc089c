package io.deepline.pipelines.core.data;

import org.apache.spark.storage.StorageLevel;

/** How trainers cache their mini-batch RDDs. */
public final class BatchStorage {
    /**
     * Deserialized in memory, spilling to disk. Every averaging round iterates over each worker's whole cached
     * partition to pick its next batches, so a serialized cache (MEMORY_AND_DISK_SER) deserialized all of a
     * worker's batches in every round; on MNIST that was a quarter of the task time. The batches are plain float
     * arrays, so the deserialized form is as compact as the serialized one, and trainers never mutate them.
     */
    public static final StorageLevel LEVEL = StorageLevel.MEMORY_AND_DISK();

    private BatchStorage() {
    }
}
