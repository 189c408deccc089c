package io.deepline.pipelines.core.device;

import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the calling task thread to the GPU Spark assigned the task, before the task builds or restores a network,
 * so that with several GPUs per executor each concurrent task uses its own device.
 *
 * <p>ND4J keeps the device per thread ({@code AffinityManager.unsafeSetDevice}). On the CPU backend there is no
 * device to choose and nothing is called; the assignment is still logged, so a GPU cluster that was given the CPU
 * build is visible in the executor logs.
 */
public final class GpuBinding {
    private static final Logger LOG = LoggerFactory.getLogger(GpuBinding.class);

    private GpuBinding() {
    }

    /** What a call did. */
    public enum Outcome {
        /** The task holds no GPU: nothing to do. */
        NO_GPU_ASSIGNED,
        /** The task holds a GPU, but ND4J runs on the CPU backend: nothing to bind. */
        CPU_BACKEND,
        /** The thread now runs ND4J work on the task's GPU. */
        BOUND
    }

    /** Binds the current Spark task's thread (outside a task, e.g. on the driver, does nothing). */
    public static Outcome bindCurrentTask() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return Outcome.NO_GPU_ASSIGNED;
        }
        return bind(task.resourcesJMap(), Nd4j.getEnvironment().isCPU(), "task " + task.taskAttemptId()
                + " (stage " + task.stageId() + ", partition " + task.partitionId() + ")");
    }

    /**
     * Binds this thread to the device in {@code taskResources}.
     *
     * @param cpuBackend whether ND4J runs on the CPU backend, where binding is a no-op
     * @param taskName   for the log line
     */
    static Outcome bind(Map<String, ResourceInformation> taskResources, boolean cpuBackend, String taskName) {
        OptionalInt device = GpuAssignment.deviceOf(taskResources);
        if (device.isEmpty()) {
            return Outcome.NO_GPU_ASSIGNED;
        }
        if (cpuBackend) {
            LOG.info("{} was assigned GPU {}, but ND4J runs on the CPU backend: nothing to bind (build with -Pgpu)",
                    taskName, device.getAsInt());
            return Outcome.CPU_BACKEND;
        }
        int devices = Nd4j.getAffinityManager().getNumberOfDevices();
        if (device.getAsInt() >= devices) {
            throw new IllegalStateException(taskName + " was assigned GPU " + device.getAsInt() + ", but ND4J sees "
                    + devices + " device(s); check CUDA_VISIBLE_DEVICES against the discovery script's addresses");
        }
        Nd4j.getAffinityManager().unsafeSetDevice(device.getAsInt());
        LOG.info("{} bound to GPU {}", taskName, device.getAsInt());
        return Outcome.BOUND;
    }
}
