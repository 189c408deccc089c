package io.deepline.pipelines.core.device;

import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.resource.ResourceInformation;

/**
 * The GPU Spark's scheduler gave a task, read from the task's resources ({@code TaskContext.resourcesJMap()}).
 * With {@code spark.task.resource.gpu.amount=1} a task holds exactly one {@code gpu} address; the discovery script
 * ({@code conf/gpu/discover-gpus.sh}) prints CUDA device ordinals as addresses, so the address is the device id.
 */
public final class GpuAssignment {
    /** Spark's resource name for GPUs. */
    public static final String RESOURCE = "gpu";

    private GpuAssignment() {
    }

    /**
     * The device id of the task's GPU, or empty when the task holds none (no GPU scheduling, or a CPU cluster).
     * With several addresses (a task asked for more than one GPU) the first is used: one network per task thread
     * runs on one device.
     *
     * @throws IllegalStateException if an address is not a device ordinal, naming it and the discovery script
     */
    public static OptionalInt deviceOf(Map<String, ResourceInformation> taskResources) {
        ResourceInformation gpus = taskResources == null ? null : taskResources.get(RESOURCE);
        if (gpus == null || gpus.addresses().length == 0) {
            return OptionalInt.empty();
        }
        String address = gpus.addresses()[0].trim();
        try {
            int device = Integer.parseInt(address);
            if (device < 0) {
                throw new NumberFormatException("negative");
            }
            return OptionalInt.of(device);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Spark assigned this task the gpu address '" + address + "', which is not"
                    + " a CUDA device ordinal (0, 1, ...); make spark.executor.resource.gpu.discoveryScript print"
                    + " ordinals, as conf/gpu/discover-gpus.sh does", e);
        }
    }
}
