package io.deepline.pipelines.core.train;

/**
 * Where a fit is within an epoch, for progress bars and log lines.
 *
 * @param label             the fit's {@link FitLabel} (a tune candidate and fold), or null
 * @param epoch             the 1-based epoch being trained
 * @param maxEpochs         the fit's epoch limit
 * @param batches           mini-batches fitted so far in this epoch, over all workers
 * @param batchesPerEpoch   mini-batches in one epoch, over all workers
 * @param meanLoss          mean loss of this epoch's mini-batches so far (NaN before the first)
 * @param examplesPerSecond examples fitted per second in this epoch so far
 * @param etaSeconds        estimated seconds to the end of the fit (all epochs, at the fit's pace so far)
 */
public record BatchProgress(String label, int epoch, int maxEpochs, long batches, long batchesPerEpoch,
                            double meanLoss, double examplesPerSecond, double etaSeconds) {
}
