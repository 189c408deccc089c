package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;

/**
 * The driver's state between epochs: the averaged network, the best validation epoch's network, the early-stopping
 * counters and the history. It starts fresh or from a {@link TrainingCheckpoint}, and becomes one.
 */
final class TrainingProgress {
    NetworkSnapshot state;
    NetworkSnapshot best;
    final EarlyStopping stopping;
    TrainingHistory history;
    /** The untrained network's loss (see {@link RoundSum#startLoss()}), NaN until the first round. */
    double startLoss;

    private TrainingProgress(NetworkSnapshot state, NetworkSnapshot best, EarlyStopping stopping,
                             TrainingHistory history, double startLoss) {
        this.state = state;
        this.best = best;
        this.stopping = stopping;
        this.history = history;
        this.startLoss = startLoss;
    }

    static TrainingProgress fresh(NetworkSnapshot initial, TrainingSettings settings) {
        return new TrainingProgress(initial, null, newStopping(settings), TrainingHistory.empty(), Double.NaN);
    }

    /** The progress {@code checkpoint} recorded; early stopping is replayed over its validation losses. */
    static TrainingProgress resumed(TrainingCheckpoint checkpoint, TrainingSettings settings, String path) {
        EarlyStopping stopping = newStopping(settings);
        TrainingHistory history = TrainingHistory.empty();
        for (EpochStats e : checkpoint.epochs()) {
            if (e.hasValidation()) {
                stopping.record(e.epoch(), e.validationLoss());
            }
            history = history.plus(e);
        }
        NetworkSnapshot best = stopping.bestEpoch() == checkpoint.epoch() ? checkpoint.state() : checkpoint.best();
        if (stopping.enabled() && stopping.bestEpoch() > 0 && best == null) {
            throw new IllegalStateException("the training checkpoint " + path + " records best epoch "
                    + stopping.bestEpoch() + " but not its params; delete it, or set checkpointMode=overwrite");
        }
        return new TrainingProgress(checkpoint.state(), best, stopping, history, checkpoint.startLoss());
    }

    /** Completed epochs. */
    int epochs() {
        return history.numEpochs();
    }

    /** A checkpoint of this progress; the best state is kept only when early stopping may hand it back. */
    TrainingCheckpoint toCheckpoint(String fingerprint) {
        NetworkSnapshot keptBest = stopping.enabled() && best != null && best != state ? best : null;
        return new TrainingCheckpoint(fingerprint, state, keptBest, history.epochs(), startLoss);
    }

    /**
     * What the divergence guard compares with: the start loss, or, resuming a checkpoint of an earlier version
     * that did not record it, epoch 1's loss.
     */
    double divergenceReference() {
        return Double.isFinite(startLoss) ? startLoss : history.epochs().get(0).loss();
    }

    private static EarlyStopping newStopping(TrainingSettings settings) {
        return new EarlyStopping(settings.earlyStoppingPatience(), settings.earlyStoppingMinDelta());
    }
}
