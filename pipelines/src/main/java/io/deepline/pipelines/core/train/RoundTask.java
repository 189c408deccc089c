package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import java.io.Serializable;

/**
 * What the driver broadcasts for one averaging round: the network state to start from and which of its
 * batches each worker fits. Holds plain arrays only (see {@link NetworkSnapshot}).
 *
 * @param runId            identifies one fit; workers reuse their cached network only within the same run
 * @param start            the averaged network state at the start of the round
 * @param epoch            0-based epoch
 * @param round            0-based round within the epoch
 * @param batchesPerRound  the averaging frequency
 * @param seed             seeds the batch order of each epoch
 * @param trackGradient    whether workers sum their mini-batch gradients ({@code gradientNormStop} is on)
 */
record RoundTask(String runId, NetworkSnapshot start, int epoch, int round, int batchesPerRound, long seed,
                 boolean trackGradient) implements Serializable {
}
