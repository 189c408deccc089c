package io.deepline.pipelines.core.device;

import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits ND4J's op threads to the CPUs Spark gave the running task ({@code spark.task.cpus}, default 1).
 *
 * <p>Spark runs one task per {@code spark.task.cpus} cores, but ND4J's CPU backend starts every op on as many
 * threads as the machine has cores, in its own pool and in the BLAS pool. Two concurrent tasks on two cores then
 * run four op threads that take turns: a 2-epoch MLP fit on local[2] took 5.8 s that way and 3.3 s with one thread
 * per task (issue 10's profile). ND4J keeps the limit per process, in one native environment, which fits an
 * executor: all its task slots have the same {@code spark.task.cpus}. A user who wants several threads per task
 * raises {@code spark.task.cpus}, as with any multi-threaded Spark task.
 *
 * <p>Outside a task (the driver, plain DL4J code) nothing changes. On the CUDA backend the op thread count does not
 * apply and nothing is set.
 */
public final class TaskCpuThreads {
    private static final Logger LOG = LoggerFactory.getLogger(TaskCpuThreads.class);

    private TaskCpuThreads() {
    }

    /**
     * Sets ND4J's op threads to the current task's CPUs, if they differ.
     *
     * @return the thread count now in force for the task, or 0 outside a task or on a GPU backend
     */
    public static int limitCurrentTask() {
        TaskContext task = TaskContext.get();
        if (task == null || !Nd4j.getEnvironment().isCPU()) {
            return 0;
        }
        return limitTo(task.cpus());
    }

    /**
     * Sets ND4J's op and BLAS threads to {@code threads} (≥ 1) for this process, if they differ. Also for a fit that
     * runs a task's work on the driver of a local master, where driver and executor are one process.
     */
    public static int limitTo(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("ND4J op threads must be >= 1, got " + threads
                    + "; check spark.task.cpus");
        }
        // Read back each time rather than remember: other code in the JVM (a driver-side DL4J fit, a test) may
        // have set its own count since. The limit that counts is the master threads, which split an op; ND4J's
        // maxThreads only sizes its pool and cannot be lowered once the pool exists.
        if (Nd4j.getEnvironment().maxMasterThreads() != threads || Nd4j.factory().blas().getMaxThreads() != threads) {
            synchronized (TaskCpuThreads.class) {
                Nd4j.getEnvironment().setMaxMasterThreads(threads);
                Nd4j.factory().blas().setMaxThreads(threads);
            }
            LOG.info("ND4J op threads set to {} per op, the task's spark.task.cpus", threads);
        }
        return threads;
    }
}
