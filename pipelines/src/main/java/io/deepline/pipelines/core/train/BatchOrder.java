package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.data.Shuffles;

/**
 * The order in which a worker visits its cached mini-batches in one epoch: a permutation seeded by
 * (seed, epoch, partition), so a run can be replayed exactly, and each epoch sees a new order.
 */
public final class BatchOrder {
    private BatchOrder() {
    }

    public static int[] forEpoch(int numBatches, long seed, int epoch, int partition) {
        return Shuffles.permutation(numBatches, seed, 31L * epoch + 7, partition);
    }
}
