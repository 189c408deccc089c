package io.deepline.pipelines.core.device;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.models.state.PerThreadLru;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network per executor thread and key, reused across rounds and batches.
 *
 * <p>DL4J networks and their workspaces are not thread-safe, so a network is never shared between threads.
 * Building one costs a configuration parse and an allocation, so each task thread keeps the few it used last
 * (several fits may interleave on one thread, e.g. under CrossValidator's parallelism). Here, beside the device
 * binding, because both training workers and inference scorers use it.
 */
public final class WorkerNetworks {
    private static final int PER_THREAD = 4;

    private static final ThreadLocal<Map<String, Network>> CACHE = PerThreadLru.withCapacity(PER_THREAD);

    private WorkerNetworks() {
    }

    /**
     * This thread's network for {@code key}, set to exactly the state in {@code snapshot}.
     * The key must change whenever the configuration does.
     */
    public static Network acquire(String key, NetworkSnapshot snapshot) {
        Map<String, Network> cache = CACHE.get();
        String deviceKey = onTaskDevice(key);
        Network net = cache.get(deviceKey);
        if (net == null) {
            net = snapshot.restore();
            cache.put(deviceKey, net);
        } else {
            snapshot.applyTo(net);
        }
        return net;
    }

    /**
     * This thread's scoring network for {@code key}; built once, since a fitted model's params never change.
     * The key must identify the params (e.g. the broadcast id).
     */
    public static Network acquireForInference(String key, NetworkSnapshot snapshot) {
        return CACHE.get().computeIfAbsent(onTaskDevice(key), k -> snapshot.restoreForInference());
    }

    /**
     * Binds this task thread to its Spark-assigned GPU, if any, and ND4J's CPU op threads to the task's cores,
     * before a network is built or reused. Returns {@code key} qualified by the thread's device: a task thread that
     * later serves a task on another GPU builds a network there rather than reusing one whose arrays live on the
     * first device.
     */
    private static String onTaskDevice(String key) {
        GpuBinding.bindCurrentTask();
        TaskCpuThreads.limitCurrentTask();
        return key + "@device" + Nd4j.getAffinityManager().getDeviceForCurrentThread();
    }
}
