package io.deepline.pipelines.train;

/** Called on the driver after every epoch; lets callers follow progress or log it elsewhere. */
@FunctionalInterface
public interface TrainingListener {
    void onEpochEnd(EpochStats stats, int maxEpochs);

    TrainingListener NONE = (stats, maxEpochs) -> { };
}
