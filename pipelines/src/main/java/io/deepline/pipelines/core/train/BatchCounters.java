package io.deepline.pipelines.core.train;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * A fit's mini-batch progress signal from the workers: Spark accumulators that every task adds to after each
 * mini-batch it fits (batches, examples, loss). The driver reads a finished task's counts from the accumulators
 * and a running task's from the executors' heartbeats, which carry the running tasks' accumulator values
 * ({@link RunningTaskCounts}): no extra messages, no extra Spark job, and nothing a task waits for.
 *
 * <p>Passed to the tasks in their function's closure (not a broadcast), so each task registers its own copy.
 */
final class BatchCounters implements Serializable {
    private static final long serialVersionUID = 1L;

    final LongAccumulator batches;
    final LongAccumulator examples;
    final DoubleAccumulator loss;

    private BatchCounters(LongAccumulator batches, LongAccumulator examples, DoubleAccumulator loss) {
        this.batches = batches;
        this.examples = examples;
        this.loss = loss;
    }

    /** Registers the fit's accumulators on the driver. */
    static BatchCounters register(SparkContext sc, String stageName) {
        return new BatchCounters(sc.longAccumulator(stageName + " mini-batches"),
                sc.longAccumulator(stageName + " examples"), sc.doubleAccumulator(stageName + " loss sum"));
    }

    /** Worker side: one mini-batch of {@code rows} fitted with this loss. */
    void add(long rows, double batchLoss) {
        batches.add(1);
        examples.add(rows);
        loss.add(batchLoss);
    }
}
