package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.collective.CollectiveSettings;
import java.io.Serializable;

/**
 * What the driver broadcasts once per epoch in collective mode: the epoch-start state, how many mini-batches each
 * worker has (so every worker knows who trains in which round, and by how much the iteration counter advances),
 * and the fit's token that peers present to each other.
 *
 * @param runId              identifies one fit; workers reuse their cached network only within the same run
 * @param token              random per fit; a connection without it is refused before any payload is read
 * @param start              the averaged network state at the start of the epoch
 * @param epoch              0-based epoch
 * @param batchesPerRound    the averaging frequency
 * @param seed               seeds the batch order and the dropout masks
 * @param batchesPerWorker   mini-batches in each worker's partition, by partition index
 * @param collective         listen ports and peer timeout
 * @param rendezvous         {@code host:port} of the driver's {@link io.deepline.pipelines.core.collective.Rendezvous}
 *                           (null with one worker)
 * @param trackGradient      whether workers sum their mini-batch gradients ({@code gradientNormStop} is on)
 */
record EpochTask(String runId, String token, NetworkSnapshot start, int epoch, int batchesPerRound, long seed,
                 int[] batchesPerWorker, CollectiveSettings collective, String rendezvous, boolean trackGradient)
        implements Serializable {

    int workers() {
        return batchesPerWorker.length;
    }

    /** Rounds in the epoch. */
    int rounds() {
        return rounds(batchesPerWorker, batchesPerRound);
    }

    /** Rounds per epoch in either mode: enough for the worker with the most batches to see all of them. */
    static int rounds(int[] batchesPerWorker, int batchesPerRound) {
        int most = 0;
        for (int n : batchesPerWorker) {
            most = Math.max(most, n);
        }
        return (most + batchesPerRound - 1) / batchesPerRound;
    }

    /** Mini-batches {@code worker} fits in {@code round}: 0 once it has none left. */
    int batchesIn(int worker, int round) {
        return Math.max(0, Math.min(batchesPerRound, batchesPerWorker[worker] - round * batchesPerRound));
    }

    /** The most mini-batches any one worker fits in {@code round}: how far the iteration counter advances. */
    int maxBatchesIn(int round) {
        int most = 0;
        for (int w = 0; w < batchesPerWorker.length; w++) {
            most = Math.max(most, batchesIn(w, round));
        }
        return most;
    }
}
