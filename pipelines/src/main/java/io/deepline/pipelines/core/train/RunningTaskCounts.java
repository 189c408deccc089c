package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;

/**
 * The driver's view of a fit's {@link BatchCounters}: what finished tasks added (the accumulators' values) plus
 * what running tasks reported in their executor's last heartbeat ({@code spark.executor.heartbeatInterval},
 * 10 s by default). A collective epoch is one long task per worker, so without the heartbeats its progress would
 * show only when it ends.
 */
final class RunningTaskCounts extends SparkListener {
    private final BatchCounters counters;
    /** Running task id → its last reported {batches, examples, loss}. */
    private final Map<Long, double[]> running = new ConcurrentHashMap<>();

    RunningTaskCounts(BatchCounters counters) {
        this.counters = counters;
    }

    /** {batches, examples, loss sum} so far in the fit. */
    double[] total() {
        double[] sum = {counters.batches.value(), counters.examples.value(), counters.loss.value()};
        for (double[] task : running.values()) {
            for (int i = 0; i < 3; i++) {
                sum[i] += task[i];
            }
        }
        return sum;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        // (taskId, stageId, stageAttempt, accumulator values) per running task, through the adapter: the Seqs'
        // classes differ between the Scala lines.
        for (Object entry : ScalaCollections.arrayValue(update.accumUpdates())) {
            Tuple4<?, ?, ?, ?> task = (Tuple4<?, ?, ?, ?>) entry;
            long taskId = ((Number) task._1()).longValue();
            double[] values = null;
            for (Object accumulated : ScalaCollections.arrayValue(task._4())) {
                AccumulableInfo info = (AccumulableInfo) accumulated;
                int slot = slot(info.id());
                if (slot >= 0 && info.update().isDefined() && info.update().get() instanceof Number n) {
                    values = values == null ? running.getOrDefault(taskId, new double[3]).clone() : values;
                    values[slot] = n.doubleValue();
                }
            }
            if (values != null) {
                running.put(taskId, values);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        // A finished task's counts are in the accumulators now (or, if it failed, nowhere: a rerun counts again).
        running.remove(end.taskInfo().taskId());
    }

    private int slot(long accumulatorId) {
        if (accumulatorId == counters.batches.id()) {
            return 0;
        }
        if (accumulatorId == counters.examples.id()) {
            return 1;
        }
        return accumulatorId == counters.loss.id() ? 2 : -1;
    }
}
