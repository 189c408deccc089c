package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.device.WorkerNetworks;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The executor side of validation: score this partition's validation batches with the broadcast state in
 * inference mode (no dropout, BatchNorm on running statistics) and return the summed weighted loss and metric.
 * The loss leaves out the L2 penalty, so validation losses compare across λ.
 */
final class ValidationWorker implements FlatMapFunction<Iterator<MiniBatch>, ValidationSum> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ValidationTask> task;

    ValidationWorker(Broadcast<ValidationTask> task) {
        this.task = task;
    }

    @Override
    public Iterator<ValidationSum> call(Iterator<MiniBatch> batches) {
        if (!batches.hasNext()) {
            return Collections.emptyIterator();
        }
        return Collections.singletonList(score(task.value(), batches)).iterator();
    }

    /** The sums over {@code batches}, on this thread (an executor's task, or the driver in {@link DriverEpochs}). */
    static ValidationSum score(ValidationTask t, Iterator<MiniBatch> batches) {
        // Its own cache key: the training network of this thread keeps its state for the next round.
        Network net = WorkerNetworks.acquire(t.runId() + "/validation", t.state());
        ValidationSum sum = ValidationSum.empty();
        while (batches.hasNext()) {
            MiniBatch batch = batches.next();
            DataSet ds = batch.toTransientDataSet();
            double loss = net.scoreExamples(ds, false).sumNumber().doubleValue();
            INDArray output = net.output(ds.getFeatures());
            sum.add(loss, t.metric().contribution(output, ds.getLabels(), batch), batch.weightSum(), batch.rows(),
                    batch.numOutputs());
        }
        return sum;
    }
}
