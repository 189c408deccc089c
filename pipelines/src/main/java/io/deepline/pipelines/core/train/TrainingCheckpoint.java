package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import java.util.List;

/**
 * What a fit needs to continue after an epoch exactly as if it had never stopped.
 *
 * <p>The early-stopping counters are not stored: replaying {@link EarlyStopping} over the recorded validation
 * losses restores them exactly. The batch order and dropout masks depend only on (seed, epoch, round, partition),
 * so nothing else of the run needs saving.
 *
 * @param fingerprint the {@link TrainingFingerprint} of the run that wrote it
 * @param state       the averaged network after the last completed epoch: params, optimizer state and counters
 *                    (its {@code epoch()} is the number of completed epochs)
 * @param best        the best validation epoch's state while early stopping is on and that epoch is not the last
 *                    one, else null
 * @param epochs      the per-epoch statistics so far, one per completed epoch
 * @param startLoss   the untrained network's loss, which the {@link DivergenceGuard} compares with; NaN when
 *                    unknown (a checkpoint of an earlier version)
 */
public record TrainingCheckpoint(String fingerprint, NetworkSnapshot state, NetworkSnapshot best,
                                 List<EpochStats> epochs, double startLoss) {
    public TrainingCheckpoint {
        if (fingerprint == null || state == null || epochs == null) {
            throw new IllegalArgumentException("a checkpoint needs a fingerprint, a network state and its epochs");
        }
        if (state.epoch() != epochs.size()) {
            throw new IllegalArgumentException("a checkpoint after epoch " + state.epoch() + " must record "
                    + state.epoch() + " epochs, got " + epochs.size());
        }
        epochs = List.copyOf(epochs);
    }

    /** A checkpoint that does not know the start loss. */
    public TrainingCheckpoint(String fingerprint, NetworkSnapshot state, NetworkSnapshot best,
                              List<EpochStats> epochs) {
        this(fingerprint, state, best, epochs, Double.NaN);
    }

    /** Completed epochs. */
    public int epoch() {
        return state.epoch();
    }
}
