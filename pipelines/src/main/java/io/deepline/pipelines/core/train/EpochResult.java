package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;

/**
 * One trained epoch, as the driver sees it in either sync mode.
 *
 * @param state     the averaged network after the epoch's last round (its epoch counter not yet advanced)
 * @param lossSum   the sum of the mini-batch losses, summed per round in worker order, then over rounds
 * @param batches   mini-batches fitted
 * @param examples  rows fitted
 * @param startLoss the mean loss of the workers' first mini-batch in round 1, before any update
 * @param gradient  the workers' summed mini-batch gradients, {@link GradientSum#NONE} when not tracked
 */
record EpochResult(NetworkSnapshot state, double lossSum, long batches, long examples, double startLoss,
                   GradientSum gradient) {

    /** The L2 norm of the mean mini-batch gradient of the epoch, NaN when gradients are not tracked. */
    double gradientNorm() {
        return gradient.meanNorm();
    }
}
