package io.deepline.pipelines.train;

import io.deepline.models.state.NetworkSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import io.deepline.models.state.Network;

/**
 * One network per executor thread and key, reused across rounds and batches.
 *
 * <p>DL4J networks and their workspaces are not thread-safe, so a network is never shared between threads.
 * Building one costs a configuration parse and an allocation, so each task thread keeps the few it used last
 * (several fits may interleave on one thread, e.g. under CrossValidator's parallelism).
 */
public final class WorkerNetworks {
    private static final int PER_THREAD = 4;

    private static final ThreadLocal<Map<String, Network>> CACHE = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Network> eldest) {
                    return size() > PER_THREAD;
                }
            });

    private WorkerNetworks() {
    }

    /**
     * This thread's network for {@code key}, set to exactly the state in {@code snapshot}.
     * The key must change whenever the configuration does.
     */
    public static Network acquire(String key, NetworkSnapshot snapshot) {
        Map<String, Network> cache = CACHE.get();
        Network net = cache.get(key);
        if (net == null) {
            net = snapshot.restore();
            cache.put(key, net);
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
        return CACHE.get().computeIfAbsent(key, k -> snapshot.restoreForInference());
    }
}
