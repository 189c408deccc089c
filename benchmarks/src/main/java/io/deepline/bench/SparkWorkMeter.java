package io.deepline.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * What Spark ran between {@link #start} and {@link #stop}: the jobs, and the CPU time its tasks spent (Spark's
 * {@code executorCpuTime}: deserializing, computing and serializing). Set against the wall time and the cores, it
 * shows how much of a fit is the tasks' work and how much is everything around it (scheduling, transfers, the
 * driver's averaging), which is where the training targets are won or lost.
 *
 * <p>Spark delivers listener events asynchronously, so both ends wait until no event has arrived for a moment:
 * untimed, and outside the measured wall time.
 */
final class SparkWorkMeter extends SparkListener {
    private static final long QUIET_MILLIS = 150;

    private final AtomicLong taskCpuNanos = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private volatile boolean counting;

    /** The jobs and task CPU seconds of one measured span. */
    record Work(long jobs, double taskCpuSeconds) {
    }

    static SparkWorkMeter attachedTo(SparkSession spark) {
        SparkWorkMeter meter = new SparkWorkMeter();
        spark.sparkContext().addSparkListener(meter);
        return meter;
    }

    /** Starts counting, after the events of anything that ran before have been delivered. */
    void start() throws InterruptedException {
        awaitQuiet();
        taskCpuNanos.set(0);
        jobs.set(0);
        counting = true;
    }

    /** Stops counting once the events of what ran since {@link #start} have been delivered. */
    Work stop() throws InterruptedException {
        awaitQuiet();
        counting = false;
        return new Work(jobs.get(), taskCpuNanos.get() / 1e9);
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        events.incrementAndGet();
        if (counting) {
            jobs.incrementAndGet();
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        events.incrementAndGet();
        if (counting && taskEnd.taskMetrics() != null) {
            taskCpuNanos.addAndGet(taskEnd.taskMetrics().executorCpuTime());
        }
    }

    private void awaitQuiet() throws InterruptedException {
        long seen;
        do {
            seen = events.get();
            Thread.sleep(QUIET_MILLIS);
        } while (events.get() != seen);
    }
}
