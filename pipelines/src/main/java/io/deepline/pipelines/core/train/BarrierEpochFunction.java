package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.collective.Collective;
import io.deepline.pipelines.core.collective.CollectiveGroup;
import io.deepline.pipelines.core.collective.Collectives;
import io.deepline.pipelines.core.collective.Rendezvous;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * One task of a collective epoch's barrier stage: join the epoch's group (listen, exchange addresses through the
 * driver's {@link Rendezvous}, connect and check the fit's token, the epoch and the stage attempt), then train the
 * partition with {@link EpochWorker}, averaging with the peers after every round.
 */
final class BarrierEpochFunction<B extends TrainingBatch> implements FlatMapFunction<Iterator<B>, EpochSum> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<EpochTask> task;
    private final BatchCounters counters;

    BarrierEpochFunction(Broadcast<EpochTask> task, BatchCounters counters) {
        this.task = task;
        this.counters = counters;
    }

    @Override
    public Iterator<EpochSum> call(Iterator<B> cached) {
        EpochTask t = task.value();
        BarrierTaskContext context = BarrierTaskContext.get();
        int rank = context.partitionId();
        // The executor's advertised host: the address its peers (other executors) can reach it on.
        String host = SparkEnv.get().blockManager().blockManagerId().host();
        CollectiveGroup group = new CollectiveGroup(t.token(), t.epoch(), runOf(context), rank, t.workers(), host,
                t.collective());
        try (Collective collective = Collectives.open(group,
                Rendezvous.client(t.rendezvous(), group, context::isInterrupted), context::isInterrupted)) {
            return List.of(EpochWorker.run(t, rank, cached, collective, counters)).iterator();
        }
    }

    /**
     * Which run of the epoch this task belongs to, for the rendezvous and the peers' handshake. Not Spark's stage
     * attempt alone: Spark aborts a failed barrier result stage instead of retrying it, and the driver reruns the
     * epoch as a new job whose stage is again attempt 0, so the failed run's ranks (a registration of a rank whose
     * peer was killed before it arrived) would clash with the rerun's: seen on the cluster, every rerun was refused
     * and the fit fell back to jobs mode. The stage id is new for every job of the SparkContext.
     */
    static int runOf(BarrierTaskContext context) {
        return Math.addExact(Math.multiplyExact(context.stageId(), MAX_STAGE_ATTEMPTS), context.stageAttemptNumber()
                % MAX_STAGE_ATTEMPTS);
    }

    /** Spark's own attempts of one stage told apart by runOf (spark.stage.maxConsecutiveAttempts defaults to 4). */
    private static final int MAX_STAGE_ATTEMPTS = 16;
}
