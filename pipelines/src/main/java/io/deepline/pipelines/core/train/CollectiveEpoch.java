package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * An epoch in the collective sync mode: the driver broadcasts the epoch-start state once and runs one stage, a
 * barrier stage whose tasks average with each other (or, with one worker, a plain task); it combines the workers'
 * losses and counts in rank order, as {@link JobsEpoch} does.
 */
final class CollectiveEpoch {
    private CollectiveEpoch() {
    }

    static <B extends TrainingBatch> EpochResult run(JavaSparkContext sc, JavaRDD<B> batches, EpochTask task,
                                                    BatchCounters counters) {
        Broadcast<EpochTask> bc = sc.broadcast(task);
        try {
            List<EpochSum> sums = task.workers() == 1
                    ? batches.mapPartitionsWithIndex(new SoloEpochFunction<B>(bc, counters), true).collect()
                    : BarrierStages.collect(batches, new BarrierEpochFunction<B>(bc, counters), EpochSum.class);
            return combine(task, sums);
        } finally {
            bc.destroy();
        }
    }

    /** The epoch's result from every worker's sum, in rank order. */
    static EpochResult combine(EpochTask task, List<EpochSum> sums) {
        List<EpochSum> byRank = new ArrayList<>(sums);
        byRank.sort(Comparator.comparingInt(EpochSum::rank));
        if (byRank.size() != task.workers()) {
            throw new IllegalStateException("a collective epoch returned " + byRank.size() + " worker results for "
                    + task.workers() + " workers");
        }
        double lossSum = 0;
        long batches = 0;
        long examples = 0;
        int iteration = task.start().iteration();
        for (int round = 0; round < task.rounds(); round++) {
            double roundLoss = 0;
            for (EpochSum s : byRank) {
                if (task.batchesIn(s.rank(), round) > 0) {
                    roundLoss += s.roundLoss()[round];
                }
            }
            lossSum += roundLoss;
            iteration += task.maxBatchesIn(round);
        }
        double firstLossSum = 0;
        int starters = 0;
        GradientSum gradient = GradientSum.NONE;
        for (EpochSum s : byRank) {
            gradient = gradient.plus(s.gradient());
            batches += s.batches();
            examples += s.examples();
            if (task.batchesIn(s.rank(), 0) > 0) {
                firstLossSum += s.firstLoss();
                starters++;
            }
        }
        EpochSum first = byRank.get(0);
        NetworkSnapshot state = task.start().withState(first.params(), first.updaterState(), iteration,
                task.epoch());
        return new EpochResult(state, lossSum, batches, examples, firstLossSum / starters, gradient);
    }
}
