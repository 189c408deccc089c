package io.deepline.pipelines.core.train;

import java.io.Serializable;

/**
 * What one worker returns after a collective epoch: its loss per round and its counts; rank 0 also returns the
 * epoch-end params and optimizer state, which every worker holds after the last allreduce.
 *
 * @param rank         the worker's partition index
 * @param roundLoss    the sum of this worker's mini-batch losses in each round (0 in rounds it did not train)
 * @param firstLoss    the loss of its first mini-batch in round 1, before any update; NaN if it trained none
 * @param batches      mini-batches it fitted
 * @param examples     rows it fitted
 * @param params       the epoch-end params (rank 0 only, else null)
 * @param updaterState the epoch-end optimizer state (rank 0 only, else null)
 * @param gradient     this worker's summed mini-batch gradients ({@link GradientSum#NONE} when not tracked)
 */
record EpochSum(int rank, double[] roundLoss, double firstLoss, long batches, long examples, float[] params,
                float[] updaterState, GradientSum gradient) implements Serializable {
}
