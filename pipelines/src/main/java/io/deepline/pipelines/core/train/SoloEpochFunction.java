package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.collective.SoloCollective;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/** A one-worker collective epoch: a plain task that trains every round of the epoch with nobody to average with. */
final class SoloEpochFunction<B extends TrainingBatch> implements Function2<Integer, Iterator<B>, Iterator<EpochSum>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<EpochTask> task;
    private final BatchCounters counters;

    SoloEpochFunction(Broadcast<EpochTask> task, BatchCounters counters) {
        this.task = task;
        this.counters = counters;
    }

    @Override
    public Iterator<EpochSum> call(Integer partition, Iterator<B> cached) {
        try (SoloCollective solo = new SoloCollective()) {
            return List.of(EpochWorker.run(task.value(), partition, cached, solo, counters)).iterator();
        }
    }
}
