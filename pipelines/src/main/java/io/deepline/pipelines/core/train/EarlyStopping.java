package io.deepline.pipelines.core.train;

/**
 * Tracks the best validation loss and decides when to stop: an epoch improves when its loss is below the best by
 * more than {@code minDelta}; after {@code patience} epochs in a row without improvement the fit stops
 * (patience 0: never). The first measured epoch is always an improvement.
 */
final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    EarlyStopping(int patience, double minDelta) {
        if (patience < 0 || !(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("early stopping needs patience >= 0 and a finite minDelta >= 0, got "
                    + patience + " and " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records an epoch's validation loss; true when it is the new best. */
    boolean record(int epoch, double validationLoss) {
        if (bestEpoch == 0 || validationLoss < bestLoss - minDelta) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    boolean shouldStop() {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    boolean enabled() {
        return patience > 0;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
