package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.device.WorkerNetworks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor side of one averaging round: start this thread's network from the broadcast state, fit this
 * partition's share of the round's mini-batches, and send back params, optimizer state and loss.
 *
 * <p>It depends only on the broadcast and the cached partition, so a retried task computes the same result.
 *
 * @param <B> tabular or sequence batches; only their DataSet matters here
 */
final class RoundWorker<B extends TrainingBatch> implements Function2<Integer, Iterator<B>, Iterator<RoundSum>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<RoundTask> task;
    private final BatchCounters counters;

    RoundWorker(Broadcast<RoundTask> task, BatchCounters counters) {
        this.task = task;
        this.counters = counters;
    }

    @Override
    public Iterator<RoundSum> call(Integer partition, Iterator<B> cached) {
        RoundTask t = task.value();
        List<B> batches = new ArrayList<>();
        cached.forEachRemaining(batches::add);
        int from = t.round() * t.batchesPerRound();
        int to = Math.min(from + t.batchesPerRound(), batches.size());
        if (from >= to) {
            return Collections.emptyIterator();
        }
        int[] order = BatchOrder.forEpoch(batches.size(), t.seed(), t.epoch(), partition);
        Network net = WorkerNetworks.acquire(t.runId(), t.start());
        // Dropout draws from ND4J's per-thread RNG. Seed it per (seed, epoch, round, partition), so a fit does
        // not depend on what ran on this executor thread before, and a retried task draws the same masks.
        Nd4j.getRandom().setSeed(Shuffles.mix(t.seed(), t.epoch(), t.round(), partition));
        double lossSum = 0;
        double firstLoss = Double.NaN;
        long examples = 0;
        GradientProbe probe = t.trackGradient() ? GradientProbe.attach(net) : null;
        try {
            for (int i = from; i < to; i++) {
                B batch = batches.get(order[i]);
                batch.fitOn(net);
                // DL4J scores a batch before it updates the params: the first score is that of the round's start.
                double loss = net.score();
                firstLoss = i == from ? loss : firstLoss;
                lossSum += loss;
                examples += batch.rows();
                counters.add(batch.rows(), loss);
            }
        } finally {
            if (probe != null) {
                probe.detach(net);
            }
        }
        RoundSum contribution = RoundSum.of(NetworkSnapshot.paramsOf(net), NetworkSnapshot.updaterStateOf(net),
                lossSum, firstLoss, to - from, examples).withGradient(GradientSum.of(probe));
        return Collections.singletonList(contribution).iterator();
    }
}
