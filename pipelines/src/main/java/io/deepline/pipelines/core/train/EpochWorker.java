package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.collective.Collective;
import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.device.WorkerNetworks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor side of one collective epoch: fit this partition's mini-batches round by round, and after every
 * round replace params and optimizer state by the mean over the workers that trained in it.
 *
 * <p>Each round does exactly what a round of the jobs mode does ({@link RoundWorker} + {@link RoundSum}): the same
 * batch order, the same dropout seed, the same averaging, the same iteration counter; so both modes give the same
 * params bit for bit. It depends only on the broadcast and the cached partition, so a rerun of the epoch computes the
 * same result.
 */
final class EpochWorker {
    private EpochWorker() {
    }

    static <B extends TrainingBatch> EpochSum run(EpochTask t, int rank, Iterator<B> cached, Collective collective,
                                                  BatchCounters counters) {
        List<B> batches = new ArrayList<>();
        cached.forEachRemaining(batches::add);
        if (batches.size() != t.batchesPerWorker()[rank]) {
            throw new IllegalStateException("worker " + rank + " holds " + batches.size() + " mini-batches, but "
                    + t.batchesPerWorker()[rank] + " were counted before the epoch; the training data changed"
                    + " between two passes (use a deterministic, cached input)");
        }
        int[] order = BatchOrder.forEpoch(batches.size(), t.seed(), t.epoch(), rank);
        Network net = WorkerNetworks.acquire(t.runId(), t.start());
        int rounds = t.rounds();
        double[] roundLoss = new double[rounds];
        double firstLoss = Double.NaN;
        long fitted = 0;
        long examples = 0;
        int iteration = t.start().iteration();
        float[] params = null;
        float[] updaterState = null;
        GradientProbe probe = t.trackGradient() ? GradientProbe.attach(net) : null;
        try {
            for (int round = 0; round < rounds; round++) {
                int from = round * t.batchesPerRound();
                int to = from + t.batchesIn(rank, round);
                if (from < to) {
                    // As in RoundWorker: dropout masks seeded per (seed, epoch, round, partition).
                    Nd4j.getRandom().setSeed(Shuffles.mix(t.seed(), t.epoch(), round, rank));
                }
                for (int i = from; i < to; i++) {
                    B batch = batches.get(order[i]);
                    batch.fitOn(net);
                    double loss = net.score();
                    if (round == 0 && i == from) {
                        firstLoss = loss;
                    }
                    roundLoss[round] += loss;
                    examples += batch.rows();
                    counters.add(batch.rows(), loss);
                }
                fitted += to - from;
                params = NetworkSnapshot.paramsOf(net);
                updaterState = NetworkSnapshot.updaterStateOf(net);
                float[] state = concat(params, updaterState);
                collective.averageInto(state, from < to);
                split(state, params, updaterState);
                iteration += t.maxBatchesIn(round);
                t.start().withState(params, updaterState, iteration, t.epoch()).applyTo(net);
            }
        } finally {
            if (probe != null) {
                probe.detach(net);
            }
        }
        boolean reports = rank == 0;
        return new EpochSum(rank, roundLoss, firstLoss, fitted, examples, reports ? params : null,
                reports ? updaterState : null, GradientSum.of(probe));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void split(float[] all, float[] a, float[] b) {
        System.arraycopy(all, 0, a, 0, a.length);
        System.arraycopy(all, a.length, b, 0, b.length);
    }
}
