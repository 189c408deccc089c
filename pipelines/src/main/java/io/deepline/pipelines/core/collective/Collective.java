package io.deepline.pipelines.core.collective;

/**
 * An allreduce among the workers of one training epoch: every {@code averagingFrequency} mini-batches the workers
 * replace their params and optimizer state by the mean over the workers that trained in that round.
 *
 * <p>The mean is defined exactly as the driver-side averaging of the {@code jobs} sync mode, so both modes give the
 * same params bit for bit: per element, the contributions are summed in double, in rank order,
 * divided by the number of contributing ranks, and rounded to float (the CPU implementation starts each sum from
 * -0.0, the exact identity of float addition, as the jobs mode's merge effectively does; the NCCL implementation
 * sums in float on the GPU and is not bit-identical). A rank with no mini-batch left in the round
 * contributes nothing and still receives the mean.
 *
 * <p>Implementations fail with a {@link CollectiveException} (never hang) when a peer dies, is too slow, or the
 * task is cancelled; the message names the peer's rank and host.
 */
public interface Collective extends AutoCloseable {

    /** This worker's rank, 0-based: its Spark partition index. */
    int rank();

    /** The number of ranks in the group. */
    int size();

    /**
     * Replaces {@code values} on every rank by the mean over the contributing ranks. Every rank calls it the same
     * number of times with arrays of the same length.
     *
     * @param values      this rank's contribution; overwritten with the mean
     * @param contributes false if this rank trained nothing in the round: it sends nothing and receives the mean
     * @return the number of ranks that contributed; 0 leaves {@code values} unchanged
     */
    int averageInto(float[] values, boolean contributes);

    /** Closes the connections to the peers; idempotent. */
    @Override
    void close();
}
