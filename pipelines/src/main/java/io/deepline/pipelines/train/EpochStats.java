package io.deepline.pipelines.train;

import java.io.Serializable;

/**
 * What one epoch of training measured.
 *
 * @param epoch             1-based epoch number
 * @param loss              mean training loss over the epoch's mini-batches (incl. the L2 penalty), as the
 *                          workers saw it before each update
 * @param seconds           wall time of the epoch on the driver
 * @param examples          training examples processed (summed over workers)
 * @param examplesPerSecond examples / seconds
 */
public record EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond)
        implements Serializable {
}
