package io.deepline.pipelines.core.train;

/**
 * A network estimator whose fits report each epoch to a {@link TrainingListener}, so that a caller holding only an
 * {@code Estimator} (a job, a notebook helper) can follow any of them the same way.
 */
public interface HasTrainingListener {

    /**
     * Follows this stage's fits from now on. The listener is not a Param: it is neither saved nor carried over by
     * {@code copy}, so each copy a tuner makes trains silently.
     *
     * @param listener called on the driver after every epoch; null means none
     * @return this stage
     */
    HasTrainingListener setTrainingListener(TrainingListener listener);
}
