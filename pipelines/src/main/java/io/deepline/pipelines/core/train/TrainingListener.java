package io.deepline.pipelines.core.train;

/** Called on the driver after every epoch; lets callers follow progress or log it elsewhere. */
@FunctionalInterface
public interface TrainingListener {
    void onEpochEnd(EpochStats stats, int maxEpochs);

    /**
     * Where the current epoch is, by mini-batches, about once a second while it moves (running tasks report with
     * the executors' heartbeats, every {@code spark.executor.heartbeatInterval}). Called from a polling thread, not
     * the fit's; by default ignored.
     */
    default void onBatchProgress(BatchProgress progress) {
    }

    TrainingListener NONE = (stats, maxEpochs) -> { };
}
