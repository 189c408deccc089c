package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * An epoch in the jobs sync mode: one Spark job per averaging round; the driver broadcasts the averaged state,
 * each worker fits its next {@code averagingFrequency} mini-batches, and the driver sums the workers' results in
 * partition order (the order the collective mode sums in, so both give the same params bit for bit).
 */
final class JobsEpoch {
    private JobsEpoch() {
    }

    static <B extends TrainingBatch> EpochResult run(JavaSparkContext sc, JavaRDD<B> batches, String runId,
                                                    NetworkSnapshot start, int epoch, int rounds,
                                                    TrainingSettings settings, BatchCounters counters) {
        NetworkSnapshot state = start;
        double lossSum = 0;
        long batchCount = 0;
        long examples = 0;
        double startLoss = Double.NaN;
        GradientSum gradient = GradientSum.NONE;
        for (int round = 0; round < rounds; round++) {
            sc.setJobDescription(String.format(Locale.ROOT, "%s epoch %d/%d round %d/%d",
                    settings.stageName(), epoch + 1, settings.maxEpochs(), round + 1, rounds));
            RoundSum sum = runRound(sc, batches, new RoundTask(runId, state, epoch, round,
                    settings.averagingFrequency(), settings.seed(), settings.tracksGradient()), counters);
            if (sum.workers() == 0) {
                continue;
            }
            if (round == 0) {
                startLoss = sum.startLoss();
            }
            state = state.withState(sum.averageParams(), sum.averageUpdaterState(),
                    state.iteration() + sum.maxBatchesPerWorker(), epoch);
            lossSum += sum.lossSum();
            batchCount += sum.batches();
            examples += sum.examples();
            gradient = gradient.plus(sum.gradient());
        }
        return new EpochResult(state, lossSum, batchCount, examples, startLoss, gradient);
    }

    private static <B extends TrainingBatch> RoundSum runRound(JavaSparkContext sc, JavaRDD<B> batches,
                                                              RoundTask task, BatchCounters counters) {
        Broadcast<RoundTask> bc = sc.broadcast(task);
        try {
            // collect() lists the results by partition: summing them in that order makes the average
            // deterministic (an aggregate merges in task completion order) and equal to the collective's.
            List<RoundSum> perWorker = batches.mapPartitionsWithIndex(new RoundWorker<B>(bc, counters), true).collect();
            RoundSum sum = RoundSum.empty();
            for (RoundSum worker : perWorker) {
                sum = sum.merge(worker);
            }
            return sum;
        } finally {
            // The round's state is superseded; free it on the executors now rather than at GC time.
            bc.destroy();
        }
    }
}
